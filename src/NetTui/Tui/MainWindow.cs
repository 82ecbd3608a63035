using NetTui.Core.Model;
using NetTui.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// The whole screen: header, one tab per view, the detail pane, the filter line and the
/// status bar. This half lays them out and renders snapshots; MainWindow.Keys.cs routes
/// keys. It never reads the host itself (refreshes are asked for with
/// <see cref="RefreshRequested"/>).
/// </summary>
internal sealed partial class MainWindow : Window
{
    private readonly KeyMap _keys;
    private readonly HeaderView _header;
    private readonly Tabs _tabs = new() { X = 0, Y = 2 };
    private readonly Dictionary<ViewKind, TablePane> _panes = [];
    // Views whose rows are older than the snapshot: re-presented when shown (see Pane).
    private readonly HashSet<ViewKind> _stale = [];
    private SnapshotIndex? _index;
    private readonly DetailPane _detail = new();
    private readonly Label _filterLabel = new() { X = 0, Text = "Filter /", Visible = false };
    private readonly FilterField _filter = new() { Visible = false, Width = Dim.Fill() };
    private readonly StatusBar _statusBar = new();
    private readonly TextOverlay _overlay = new();
    private readonly DoctorPanel _doctor = new();
    private readonly TunnelWizardOverlay _wizard = new();
    private readonly Stack<(ViewKind View, string Key)> _back = new();
    private HostSnapshot _snapshot;
    private bool _refreshing;
    private string? _message;
    private ViewKind? _statusBarFor;
    private Terminal.Gui.App.IApplication? _keyboardOf;

    public Theme Theme { get; private set; }
    public HostSnapshot Snapshot => _snapshot;

    /// <summary>Something must be re-read: the request names what (the host's parts, the journal, NetworkManager).</summary>
    public event Action<RefreshRequest>? RefreshRequested;

    public MainWindow(HostSnapshot initial, bool readOnly, Theme? theme = null, KeyMap? keys = null)
    {
        _snapshot = initial;
        ReadOnlyMode = readOnly;
        _keys = keys ?? KeyMap.Default;
        Theme = theme ?? Theme.Dark;
        Title = "NetTui";
        BorderStyle = LineStyle.None;
        _header = new HeaderView(readOnly) { X = 0, Y = 0 };

        foreach (var kind in Enum.GetValues<ViewKind>())
        {
            var pane = new TablePane(kind);
            pane.SelectionChanged += p => { if (p == CurrentPane) ShowDetail(); };
            // A double click on a row (the table's Accept) jumps like Enter does.
            pane.Table.Accepting += (_, e) => { Jump(); UpdateHeader(); e.Handled = true; };
            _panes[kind] = pane;
            _tabs.Add(pane);
        }
        _tabs.ValueChanged += (_, _) => { ShowOnlyCurrentTable(); ShowDetail(); UpdateStatusBar(); };

        // Sizes follow the terminal: the detail pane sits under the table and grows on tall
        // screens, or beside it on wide ones; the table takes the rest.
        _tabs.Width = Dim.Func(_ => TabsWidth());
        _tabs.Height = Dim.Func(_ => TabsHeight());
        _detail.X = Pos.Func(_ => SideBySide ? TabsWidth() : 0);
        _detail.Y = Pos.Func(_ => SideBySide ? 2 : 2 + TabsHeight());
        _detail.Width = Dim.Func(_ => Viewport.Width - (SideBySide ? TabsWidth() : 0));
        _detail.Height = Dim.Func(_ => SideBySide ? TabsHeight() : DetailHeight());
        _filterLabel.Y = Pos.Func(_ => Viewport.Height - 2);
        _filter.X = Pos.Right(_filterLabel) + 1;
        _filter.Y = Pos.Func(_ => Viewport.Height - 2);
        _filter.TextChanged += (_, _) => OnFilterTyped();
        _filter.Done += EndFilterEditing;
        _filter.Cancelled += ClearFilter;
        _overlay.Closed += () => CurrentPane.Table.SetFocus();
        _wizard.Closed += () => CurrentPane.Table.SetFocus();
        Plain.Text(_doctor);

        Plain.Text(_filterLabel);
        Add(_header, _tabs, _detail, _filterLabel, _filter, _statusBar, _overlay, _doctor, _wizard);
        ApplySnapshot(initial);
        ShowOnlyCurrentTable();
        ApplyTheme(Theme);
        UpdateStatusBar();
    }

    public ViewKind CurrentView => (_tabs.Value as TablePane)?.Kind ?? ViewKind.Interfaces;
    internal TablePane CurrentPane => Pane(CurrentView);

    /// <summary>The view's pane, its rows brought up to the current snapshot first.</summary>
    internal TablePane Pane(ViewKind kind)
    {
        var pane = _panes[kind];
        if (_stale.Remove(kind)) pane.Show(Presenters.Rows(kind, _index ??= new SnapshotIndex(_snapshot)));
        return pane;
    }
    internal bool OverlayVisible => _overlay.Visible;
    internal bool DoctorVisible => _doctor.Visible;
    internal DoctorPanel DoctorPanel => _doctor;

    /// <summary>What the Doctor view (F2 / !) diagnoses and fixes with; null: the key says it is not available.</summary>
    public IDoctorBackend? Doctor { get; set; }
    internal TunnelWizardOverlay Wizard => _wizard;
    internal bool Filtering => _filter.Visible;

    private bool FilterRowShown => _filter.Visible || CurrentPane.State.Filter.Length > 0;
    private bool SideBySide => Viewport.Width >= 150;
    private int TabsWidth() => SideBySide ? Viewport.Width * 3 / 5 : Viewport.Width;
    private int DetailHeight() => Viewport.Height switch { >= 45 => 14, >= 32 => 10, _ => 7 };
    private int TabsHeight() =>
        Math.Max(5, Viewport.Height - 2 - (SideBySide ? 0 : DetailHeight()) - 1 - (FilterRowShown ? 1 : 0));

    /// <summary>
    /// Show a new snapshot in every view, keeping each view's selection and scroll line. Only
    /// the view on screen is re-presented now; the others when they are shown (a live update
    /// then builds and draws one table, not six).
    /// </summary>
    public void ApplySnapshot(HostSnapshot snapshot)
    {
        var previous = _snapshot;
        _snapshot = snapshot;
        _index = null;
        foreach (var (kind, pane) in _panes)
        {
            if (kind == ViewKind.History) continue; // its rows come from the journal (MainWindow.History.cs)
            // The route table is the one that can be huge: a live update that did not re-read
            // routes hands over the same array, and the (possibly filtered) rows stay as they are.
            if (kind == ViewKind.Routes && pane.Rows is not null && !_stale.Contains(kind) && previous.Routes == snapshot.Routes) continue;
            _stale.Add(kind);
        }
        _ = CurrentPane;
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
        foreach (var p in _panes.Values) { p.Theme = theme; p.SetScheme(theme.Base); p.Table.SetScheme(theme.Base); }
        _detail.SetScheme(theme.Base);
        _header.ApplyTheme(theme);
        _statusBar.SetScheme(theme.Chrome);
        _filterLabel.SetScheme(theme.Warn);
        _filter.SetScheme(theme.Chrome);
        _overlay.SetScheme(theme.Chrome);
        _doctor.SetScheme(theme.Chrome);
        _wizard.SetScheme(theme.Chrome);
        _historyOverlay.SetScheme(theme.Chrome);
        SetNeedsDraw();
    }

    /// <summary>
    /// Tabs keeps every tab's view visible (overlapped, the current one in front), so a
    /// layout change would draw all six tables; only the front one's table is visible.
    /// </summary>
    private void ShowOnlyCurrentTable()
    {
        var current = CurrentView;
        foreach (var (kind, pane) in _panes) pane.Table.Visible = kind == current;
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
        // Before the first read completes there is nothing to date: say what is happening.
        var parts = new List<string> { _snapshot.TakenAt == DateTimeOffset.UnixEpoch ? "reading the host…" : $"{_snapshot.TakenAt.ToLocalTime():HH:mm:ss}" };
        if (_refreshing) parts.Add("refreshing…");
        if (JournalProblem?.Invoke() is { } journal) parts.Add("CHANGES REFUSED: " + journal);
        if (CountdownText is { } countdown) parts.Add(countdown);
        if (_message is not null) parts.Add(_message);
        else if (Doctor is not null && _snapshot.Source(SourceKind.Ovs) is { Available: false }) parts.Add("OVS down: F2 Doctor");
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
