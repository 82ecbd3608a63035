namespace NetTui.Tui;

/// <summary>
/// The filter line (`/` edits, Enter keeps, Esc clears), each view with its own filter. Filter typing on a huge view: each keystroke would scan every row (200,000 routes), so
/// there the text is applied after a short pause in typing, or at once on Enter; smaller
/// views filter on every keystroke.
/// </summary>
internal sealed partial class MainWindow
{
    internal const int DeferFilterRows = 50_000;
    internal static readonly TimeSpan FilterPause = TimeSpan.FromMilliseconds(80);
    private object? _filterTimer;
    private TablePane? _filterPending;

    /// <summary>True when the filter just typed will be applied later (a huge view, in the main loop).</summary>
    private bool DeferFilter()
    {
        if (App is not { } app || (CurrentPane.Rows?.Set.Count ?? 0) < DeferFilterRows) return false;
        CancelFilterTimer();
        _filterPending = CurrentPane;
        _filterTimer = app.AddTimeout(FilterPause, () =>
        {
            _filterTimer = null;
            FlushFilter();
            return false;
        });
        return true;
    }

    /// <summary>Apply a filter still waiting for the pause (Enter does not wait).</summary>
    private void FlushFilter()
    {
        CancelFilterTimer();
        if (_filterPending is not { } pane) return;
        _filterPending = null;
        pane.Reapply();
        UpdateHeader();
    }

    private void CancelFilter()
    {
        CancelFilterTimer();
        _filterPending = null;
    }

    private void CancelFilterTimer()
    {
        if (_filterTimer is { } t) App?.RemoveTimeout(t);
        _filterTimer = null;
    }

    private void BeginFilterEditing()
    {
        _filterLabel.Visible = true;
        _filter.Visible = true;
        _filter.Text = CurrentPane.State.Filter;
        _filter.SetFocus();
        SetNeedsLayout();
    }

    private void OnFilterTyped()
    {
        if (!_filter.Visible) return;
        CurrentPane.State.Filter = _filter.Text ?? "";
        if (DeferFilter()) return; // a huge view: applied after a pause in typing (MainWindow.Filter.cs)
        CurrentPane.Reapply();
        UpdateHeader();
    }

    private void EndFilterEditing()
    {
        FlushFilter();
        _filter.Visible = false;
        _filterLabel.Visible = CurrentPane.State.Filter.Length > 0;
        _filterLabel.Text = $"Filter /{CurrentPane.State.Filter}";
        CurrentPane.Table.SetFocus();
        SetNeedsLayout();
    }

    private void ClearFilter()
    {
        CancelFilter();
        _filter.Visible = false;
        _filterLabel.Visible = false;
        _filterLabel.Text = "Filter /";
        if (CurrentPane.State.Filter.Length > 0)
        {
            CurrentPane.State.Filter = "";
            CurrentPane.Reapply();
        }
        CurrentPane.Table.SetFocus();
        SetNeedsLayout();
    }
}
