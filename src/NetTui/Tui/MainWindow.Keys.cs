using NetTui.Presentation;
using NetTui.Tui.Controllers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>
/// Key routing: keys arrive here before any view sees them, are looked up in the
/// <see cref="KeyMap"/>, and go to the controller that owns the action; plus what the shell
/// offers the controllers (<see cref="IShell"/>).
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
            _confirm.Start(app);
        }
        else if (!newIsRunning && _keyboardOf is { } attached)
        {
            attached.Keyboard.KeyDown -= OnAppKeyDown;
            _confirm.Stop(attached);
            _keyboardOf = null;
        }
    }

    private void OnAppKeyDown(object? sender, Key key)
    {
        if (key.Handled) return;
        key.Handled = HandleKey(key);
    }

    /// <summary>Routes one key: an open form or overlay first, then the filter line, then the keymap to the controllers.</summary>
    internal bool HandleKey(Key key)
    {
        if (_forms.Open) return _forms.HandleKey(key);
        if (_doctor.Visible)
        {
            if (!_doctor.HandleKey(key))
            {
                CurrentPane.Table.SetFocus();
                Refresh(RefreshRequest.AfterFix); // a fix may have changed the host
            }
            return true;
        }
        if (_history.Overlay.Visible) return _history.OverlayKey(key);
        if (_overlay.Visible)
        {
            _overlay.Close();
            CurrentPane.Table.SetFocus();
            return true;
        }
        if (_wizard.Visible) return _wizard.HandleKey(key);
        if (_trace.Visible) return _trace.HandleKey(key);
        if (_captureForm.Visible) return _captureForm.HandleKey(key);
        if (_filter.HasFocus) return false; // the filter line takes typing, Enter and Esc itself
        var entry = _keys.Find(key);
        if (entry is null || !entry.Applies(CurrentView)) return false;
        if (entry.Action == TuiAction.ConfirmChange && !AwaitingConfirmation) return false; // `c` only while a change awaits confirmation
        Message = null;
        Do(entry);
        UpdateHeader();
        return true;
    }

    private void Do(KeyBindingEntry entry)
    {
        if (entry.Action == TuiAction.Filter) BeginFilterEditing();
        else if (entry.Action == TuiAction.ClearFilter) ClearFilter();
        else foreach (var c in _controllers) if (c.Do(entry)) break;
    }

    public void ShowView(ViewKind kind)
    {
        _tabs.Value = _panes[kind];
        _panes[kind].Table.SetFocus();
        if (kind == ViewKind.History) _history.Reload();
        UpdateStatusBar();
        ShowDetail();
    }

    /// <summary>Asks for a refresh naming what it needs; the History view re-reads the journal itself.</summary>
    public void Refresh(RefreshRequest request)
    {
        RefreshRequested?.Invoke(request);
        if (request.History) _history.Reload();
    }

    public string? Message { get; set; }

    public Action<Action>? Post
    {
        get
        {
            var post = Dispatch ?? UiWork.PostOf(App);
            return post is null ? null : a => post(() => { a(); SetNeedsDraw(); });
        }
    }

    public void FocusTable() => CurrentPane.Table.SetFocus();
    void IShell.Attach(View overlay) => Add(overlay);
    void IShell.RequestStop() => App?.RequestStop();
}
