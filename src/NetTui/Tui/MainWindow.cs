using NetTui.Core.Model;
using NetTui.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using NetTui.Tui.Controllers;

namespace NetTui.Tui;

/// <summary>
/// The shell of the whole screen: header, one tab per view, the detail pane, the filter line
/// and the status bar. It lays them out and renders snapshots; keys are routed
/// (MainWindow.Keys.cs) to the view controllers (Tui/Controllers), which hold their own state,
/// keys and handlers. It never reads the host itself: a refresh is asked for with
/// <see cref="RefreshRequested"/>, naming what it needs.
/// </summary>
internal sealed partial class MainWindow : Window, IShell
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
    private readonly TraceOverlay _trace = new();
    private readonly TunnelWizardOverlay _wizard = new();
    private readonly NavigationController _navigation;
    private readonly FormsController _forms;
    private readonly ConfirmController _confirm;
    private readonly HistoryController _history;
    private readonly TrafficController _trafficKeys;
    private readonly Controllers.Views.LogsController _logs;
    private readonly TraceController _traceKeys;
    private readonly CaptureOverlay _captureForm = new();
    private readonly CaptureController _capture;
    private readonly IController[] _controllers;
    private HostSnapshot _snapshot;
    private bool _refreshing;
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
        _navigation = new NavigationController(this, _keys, _overlay, _wizard, _doctor);
        _forms = new FormsController(this);
        _confirm = new ConfirmController(this);
        _history = new HistoryController(this);
        _trafficKeys = new TrafficController(this);
        _logs = new Controllers.Views.LogsController(this);
        _traceKeys = new TraceController(this, _trace);
        _capture = new CaptureController(this, _captureForm);
        _controllers = [_navigation, _forms, _confirm, _history, _trafficKeys, _logs, _traceKeys, _capture];

        foreach (var kind in Enum.GetValues<ViewKind>())
        {
            var pane = new TablePane(kind);
            pane.SelectionChanged += p => { if (p == CurrentPane) ShowDetail(); };
            // A double click on a row (the table's Accept) jumps like Enter does.
            pane.Table.Accepting += (_, e) => { _navigation.Jump(); UpdateHeader(); e.Handled = true; };
            _panes[kind] = pane;
            _tabs.Add(pane);
        }
        _tabs.ValueChanged += (_, _) => { ShowOnlyCurrentTable(); ShowDetail(); UpdateStatusBar(); FollowLogsWhileShown(); };

        ArrangeViews();
        _overlay.Closed += () => CurrentPane.Table.SetFocus();
        _wizard.Closed += () => CurrentPane.Table.SetFocus();
        _trace.Closed += () => CurrentPane.Table.SetFocus();
        _captureForm.Closed += () => CurrentPane.Table.SetFocus();
        _captureForm.Run += _capture.Run;
        _wizard.ApplyRequested += _forms.ApplyPlan;
        Plain.Text(_doctor);
        Plain.Text(_filterLabel);
        Add(_header, _tabs, _detail, _filterLabel, _filter, _statusBar, _overlay, _doctor, _wizard, _trace, _captureForm);
        ApplySnapshot(initial);
        ShowOnlyCurrentTable();
        ApplyTheme(Theme);
        UpdateStatusBar();
    }

    public ViewKind CurrentView => (_tabs.Value as TablePane)?.Kind ?? ViewKind.Interfaces;
    public TablePane CurrentPane => Pane(CurrentView);

    /// <summary>The view's pane, its rows brought up to the current snapshot first.</summary>
    public TablePane Pane(ViewKind kind)
    {
        var pane = _panes[kind];
        if (_stale.Remove(kind)) pane.Show(Presenters.Rows(kind, _index ??= new SnapshotIndex(_snapshot) { Traffic = _traffic }));
        return pane;
    }
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
            if (kind is ViewKind.History or ViewKind.Logs) continue; // their rows come from the journal and the log followers
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

    /// <summary>
    /// Tabs keeps every tab's view visible (overlapped, the current one in front), so a
    /// layout change would draw all six tables; only the front one's table is visible.
    /// </summary>
    private void ShowOnlyCurrentTable()
    {
        var current = CurrentView;
        foreach (var (kind, pane) in _panes) pane.Table.Visible = kind == current;
    }

    public void ShowDetail()
    {
        _detail.Show(CurrentPane.SelectedDetail);
        // Each view has its own filter: the filter line shows the current view's.
        if (!_filter.Visible)
        {
            _filterLabel.Visible = CurrentPane.State.Filter.Length > 0;
            _filterLabel.Text = $"Filter /{CurrentPane.State.Filter}";
        }
    }
}
