using NetTui.Presentation;
using Terminal.Gui.Input;

namespace NetTui.Tui;

/// <summary>
/// The main window's controller half: keys arrive here before any view sees them, are
/// looked up in the <see cref="KeyMap"/>, and run one action each (views, filter, sort,
/// jumps, overlays, theme, refresh, quit).
/// </summary>
internal sealed partial class MainWindow
{
    // The keymap sees keys before any view does: otherwise the focused table would take
    // Enter, Tab and Home-style keys for itself and focus navigation would take Tab.
    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (newIsRunning && App is { } app && _keyboardOf is null)
        {
            _keyboardOf = app;
            app.Keyboard.KeyDown += OnAppKeyDown;
            CurrentPane.Table.SetFocus();
            StartConfirmTimer(app);
        }
        else if (!newIsRunning && _keyboardOf is { } attached)
        {
            attached.Keyboard.KeyDown -= OnAppKeyDown;
            StopConfirmTimer(attached);
            _keyboardOf = null;
        }
    }

    private void OnAppKeyDown(object? sender, Key key)
    {
        if (key.Handled) return;
        key.Handled = HandleKey(key);
    }

    /// <summary>Routes one key: overlay first, then the filter line, then the keymap.</summary>
    internal bool HandleKey(Key key)
    {
        if (FormOpen) return FormKey(key);
        if (_doctor.Visible)
        {
            if (!_doctor.HandleKey(key))
            {
                CurrentPane.Table.SetFocus();
                RefreshRequested?.Invoke(RefreshRequest.AfterFix); // a fix may have changed the host
            }
            return true;
        }
        if (_historyOverlay.Visible) return HistoryOverlayKey(key);
        if (_overlay.Visible)
        {
            _overlay.Close();
            CurrentPane.Table.SetFocus();
            return true;
        }
        if (_wizard.Visible) return _wizard.HandleKey(key);
        if (_filter.HasFocus) return false; // the filter line takes typing, Enter and Esc itself
        var entry = _keys.Find(key);
        if (entry is null || !entry.Applies(CurrentView)) return false;
        if (entry.Action == TuiAction.ConfirmChange && !AwaitingConfirmation) return false; // `c` only while a change awaits confirmation
        _message = null;
        Do(entry);
        UpdateHeader();
        return true;
    }

    private void Do(KeyBindingEntry entry)
    {
        switch (entry.Action)
        {
            case TuiAction.Help: _overlay.Open("Help: keys", HelpText.For(_keys)); break;
            case TuiAction.TunnelWizard: _wizard.Open(new Presentation.Wizard.TunnelWizardFlow(_snapshot)); break;
            case TuiAction.Sources: _overlay.Open("Sources", SourcesText.For(_snapshot)); break;
            case TuiAction.FullDetail:
                var d = CurrentPane.SelectedDetail;
                _overlay.Open(d.Title, string.Join("\n", d.Lines()));
                break;
            case TuiAction.Quit: App?.RequestStop(); break;
            case TuiAction.Refresh: RefreshRequested?.Invoke(RefreshRequest.Everything); break;
            case TuiAction.Filter: BeginFilterEditing(); break;
            case TuiAction.ClearFilter: ClearFilter(); break;
            case TuiAction.SortNextColumn:
                CurrentPane.State.CycleSortColumn(CurrentPane.Rows?.Set.ColumnNames.Count ?? 0);
                CurrentPane.Reapply();
                break;
            case TuiAction.SortReverse: CurrentPane.State.ToggleSortDirection(); CurrentPane.Reapply(); break;
            case TuiAction.Jump: Jump(); break;
            case TuiAction.Back: Back(); break;
            case TuiAction.NextView: ShowView((ViewKind)(((int)CurrentView + 1) % _panes.Count)); break;
            case TuiAction.PreviousView: ShowView((ViewKind)(((int)CurrentView + _panes.Count - 1) % _panes.Count)); break;
            case TuiAction.ShowView when entry.View is { } v: ShowView(v); break;
            case TuiAction.CycleTheme: ApplyTheme(Theme.Next()); _message = $"theme {Theme.Name}"; break;
            case TuiAction.Doctor:
                if (Doctor is null) _message = "the Doctor is not available here";
                else _doctor.Open(Doctor);
                break;
            case var a when DoForm(a): break;
            case var a when DoConfirm(a): break;
            case var a when DoHistory(a): break;
        }
    }

    public void ShowView(ViewKind kind)
    {
        _tabs.Value = _panes[kind];
        _panes[kind].Table.SetFocus();
        if (kind == ViewKind.History) ReloadHistory();
        UpdateStatusBar();
        ShowDetail();
    }

    /// <summary>Jump to the first related object of the selection (Enter / g).</summary>
    public bool Jump()
    {
        var from = CurrentPane;
        var target = from.SelectedDetail.Related.FirstOrDefault();
        if (target is null) { _message = "nothing to jump to"; return false; }
        var fromKey = from.State.SelectedKey;
        ShowView(target.View);
        if (!CurrentPane.Select(target.Key)) { _message = $"{target.Label}: not found"; return false; }
        if (fromKey is not null) _back.Push((from.Kind, fromKey));
        return true;
    }

    private void Back()
    {
        if (!_back.TryPop(out var at)) { _message = "no jump to go back from"; return; }
        ShowView(at.View);
        CurrentPane.Select(at.Key);
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
