namespace NetTui.Tui;

/// <summary>
/// Filter typing on a huge view: each keystroke would scan every row (200,000 routes), so
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
}
