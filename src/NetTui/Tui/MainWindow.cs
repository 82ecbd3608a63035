using NetTui.Core.Model;
using NetTui.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// The whole screen: header, one tab per view, the detail pane, the filter line and the
/// status bar. It renders snapshots and routes keys through the <see cref="KeyMap"/>; it
/// never reads the host itself (refreshes are asked for with <see cref="RefreshRequested"/>).
/// </summary>
internal sealed class MainWindow : Window
{
    private readonly KeyMap _keys;
    private readonly HeaderView _header;
    private readonly Tabs _tabs = new() { X = 0, Y = 2, Width = Dim.Fill() };
    private readonly Dictionary<ViewKind, TablePane> _panes = [];
    private readonly DetailPane _detail = new() { X = 0 };
    private readonly Label _filterLabel = new() { X = 0, Text = "Filter /", Visible = false };
    private readonly FilterField _filter = new() { Visible = false, Width = Dim.Fill() };
    private readonly StatusBar _statusBar = new();
    private readonly TextOverlay _overlay = new();
    private readonly TunnelWizardOverlay _wizard = new();
    private readonly Stack<(ViewKind View, string Key)> _back = new();
    private HostSnapshot _snapshot;
    private bool _refreshing;
    private string? _message;
    private ViewKind? _statusBarFor;
    private Terminal.Gui.App.IApplication? _keyboardOf;

    public Theme Theme { get; private set; }
    public HostSnapshot Snapshot => _snapshot;

    /// <summary>The admin asked for a full refresh (`r`).</summary>
    public event Action? RefreshRequested;

    public MainWindow(HostSnapshot initial, bool readOnly, Theme? theme = null, KeyMap? keys = null)
    {
        _snapshot = initial;
        _keys = keys ?? KeyMap.Default;
        Theme = theme ?? Theme.Dark;
        Title = "NetTui";
        BorderStyle = LineStyle.None;
        _header = new HeaderView(readOnly) { X = 0, Y = 0 };

        foreach (var kind in Enum.GetValues<ViewKind>())
        {
            var pane = new TablePane(kind);
            pane.SelectionChanged += p => { if (p == CurrentPane) ShowDetail(); };
            _panes[kind] = pane;
            _tabs.Add(pane);
        }
        _tabs.ValueChanged += (_, _) => { ShowDetail(); UpdateStatusBar(); };

        // Sizes follow the terminal: the detail pane grows on tall screens, the tables take the rest.
        _tabs.Height = Dim.Func(_ => TabsHeight());
        _detail.Y = Pos.Func(_ => 2 + TabsHeight());
        _detail.Height = Dim.Func(_ => DetailHeight());
        _filterLabel.Y = Pos.Func(_ => Viewport.Height - 2);
        _filter.X = Pos.Right(_filterLabel) + 1;
        _filter.Y = Pos.Func(_ => Viewport.Height - 2);
        _filter.TextChanged += (_, _) => OnFilterTyped();
        _filter.Done += EndFilterEditing;
        _filter.Cancelled += ClearFilter;
        _overlay.Closed += () => CurrentPane.Table.SetFocus();
        _wizard.Closed += () => CurrentPane.Table.SetFocus();

        Plain.Text(_filterLabel);
        Add(_header, _tabs, _detail, _filterLabel, _filter, _statusBar, _overlay, _wizard);
        ApplySnapshot(initial);
        ApplyTheme(Theme);
        UpdateStatusBar();
    }

    public ViewKind CurrentView => (_tabs.Value as TablePane)?.Kind ?? ViewKind.Interfaces;
    internal TablePane CurrentPane => _panes[CurrentView];
    internal TablePane Pane(ViewKind kind) => _panes[kind];
    internal bool OverlayVisible => _overlay.Visible;
    internal TunnelWizardOverlay Wizard => _wizard;
    internal bool Filtering => _filter.Visible;

    private bool FilterRowShown => _filter.Visible || CurrentPane.State.Filter.Length > 0;
    private int DetailHeight() => Viewport.Height switch { >= 45 => 14, >= 32 => 10, _ => 7 };
    private int TabsHeight() => Math.Max(5, Viewport.Height - 2 - DetailHeight() - 1 - (FilterRowShown ? 1 : 0));

    /// <summary>Show a new snapshot in every view, keeping each view's selection and scroll line.</summary>
    public void ApplySnapshot(HostSnapshot snapshot)
    {
        var previous = _snapshot;
        _snapshot = snapshot;
        var ix = new SnapshotIndex(snapshot);
        foreach (var (kind, pane) in _panes)
        {
            // The route table is the one that can be huge: a live update that did not re-read
            // routes hands over the same array, and the (possibly filtered) rows stay as they are.
            if (kind == ViewKind.Routes && pane.Rows is not null && previous.Routes == snapshot.Routes) continue;
            pane.Show(Presenters.Rows(kind, ix));
        }
        UpdateHeader();
        ShowDetail();
    }

    /// <summary>Tell the admin a refresh is running (or not); input keeps working meanwhile.</summary>
    public void SetRefreshing(bool refreshing)
    {
        _refreshing = refreshing;
        UpdateHeader();
    }

    public void ApplyTheme(Theme theme)
    {
        Theme = theme;
        SetScheme(theme.Base);
        _tabs.SetScheme(theme.Base);
        foreach (var p in _panes.Values) { p.SetScheme(theme.Base); p.Table.SetScheme(theme.Base); }
        _detail.SetScheme(theme.Base);
        _header.ApplyTheme(theme);
        _statusBar.SetScheme(theme.Chrome);
        _filterLabel.SetScheme(theme.Warn);
        _filter.SetScheme(theme.Chrome);
        _overlay.SetScheme(theme.Chrome);
        _wizard.SetScheme(theme.Chrome);
        SetNeedsDraw();
    }

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
        }
        else if (!newIsRunning && _keyboardOf is { } attached)
        {
            attached.Keyboard.KeyDown -= OnAppKeyDown;
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
            case TuiAction.FullDetail:
                var d = CurrentPane.SelectedDetail;
                _overlay.Open(d.Title, string.Join("\n", d.Lines()));
                break;
            case TuiAction.Quit: App?.RequestStop(); break;
            case TuiAction.Refresh: RefreshRequested?.Invoke(); break;
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
            case TuiAction.TunnelWizard: _wizard.Open(new Presentation.Wizard.TunnelWizardFlow(_snapshot)); break;
            case TuiAction.CycleTheme: ApplyTheme(Theme.Next()); _message = $"theme {Theme.Name}"; break;
        }
    }

    public void ShowView(ViewKind kind)
    {
        _tabs.Value = _panes[kind];
        _panes[kind].Table.SetFocus();
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
        CurrentPane.Reapply();
        UpdateHeader();
    }

    private void EndFilterEditing()
    {
        _filter.Visible = false;
        _filterLabel.Visible = CurrentPane.State.Filter.Length > 0;
        _filterLabel.Text = $"Filter /{CurrentPane.State.Filter}";
        CurrentPane.Table.SetFocus();
        SetNeedsLayout();
    }

    private void ClearFilter()
    {
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

    private void ShowDetail()
    {
        _detail.Show(CurrentPane.SelectedDetail);
        // Each view has its own filter: the filter line shows the current view's.
        if (!_filter.Visible)
        {
            _filterLabel.Visible = CurrentPane.State.Filter.Length > 0;
            _filterLabel.Text = $"Filter /{CurrentPane.State.Filter}";
        }
    }

    private void UpdateHeader()
    {
        var pane = CurrentPane;
        var parts = new List<string> { $"{_snapshot.TakenAt.ToLocalTime():HH:mm:ss}" };
        if (_refreshing) parts.Add("refreshing…");
        if (_message is not null) parts.Add(_message);
        else if (pane.Rows is { } rows) parts.Add(rows.Count == rows.Set.Count ? $"{rows.Count} rows" : $"{rows.Count}/{rows.Set.Count} rows");
        _header.Show(_snapshot, string.Join("  ", parts));
    }

    private void UpdateStatusBar()
    {
        var view = CurrentView;
        if (_statusBarFor == view) return;
        _statusBarFor = view;
        foreach (var old in _statusBar.SubViews.ToList())
        {
            _statusBar.Remove(old);
            old.Dispose();
        }
        foreach (var e in _keys.Entries.Where(e => e.InStatusBar && e.Applies(view)))
        {
            var entry = e;
            _statusBar.Add(new Shortcut(e.Keys[0], e.Short, () => { Do(entry); UpdateHeader(); }));
        }
    }
}
