using System.Collections.Concurrent;
using System.Diagnostics;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;
using NetTui.Live;
using NetTui.Presentation;
using NetTui.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetTui.Bench;

/// <summary>
/// The main window in a headless 200x50 terminal over the real inventory of the scale
/// namespace, driven the way TuiApp drives it (RefreshScheduler, LiveUpdates with the real
/// `ip monitor`), except that the UI thread is this loop: it runs what the scheduler posts
/// and draws. Keypress numbers are InjectKey + LayoutAndDraw (what the main loop does for
/// a key), without the terminal's own output time.
/// </summary>
public sealed class TuiBench : IDisposable
{
    private const string Method = "in-process headless (InjectKey + LayoutAndDraw)";
    private readonly SynchronizationContext? _context = SynchronizationContext.Current;
    private readonly BlockingCollection<Action> _posted = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly NetworkTarget _target;
    private readonly RecordingInventory _inventory;
    private readonly IApplication _app;
    private readonly MainWindow _window;
    private readonly SessionToken _token;
    private readonly RefreshScheduler _scheduler;
    private readonly List<Result> _results = [];
    private readonly Stopwatch _sinceStart;
    private string _size = "200x50";

    private TuiBench(string ns, string? ovsDb)
    {
        _sinceStart = Stopwatch.StartNew();
        _target = new NetworkTarget(ns);
        _inventory = new RecordingInventory(HostInventory.For(_target, NetTui.Composition.HostOptions.FromEnvironment(ovsDb: ovsDb).Inventory));
        var initial = HostSnapshot.Empty(Environment.MachineName, ns);
        var phase = Stopwatch.StartNew();
        _app = Application.Create();
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(200, 50);
        Phase("Application.Create + Init", phase);
        _window = new MainWindow(initial, readOnly: false);
        Phase("new MainWindow", phase);
        _token = _app.Begin(_window)!;
        // Begin installs Terminal.Gui's main-loop context; this harness is the loop, so awaits must not post there.
        SynchronizationContext.SetSynchronizationContext(null);
        _app.LayoutAndDraw();
        Phase("Begin + first (empty) draw", phase);
        _scheduler = new RefreshScheduler(_inventory, initial, _posted.Add, _window.ApplySnapshot, _window.SetRefreshing)
        {
            Stopping = _stop.Token,
        };
    }

    public static async Task<List<Result>> RunAsync(string ns, string? ovsDb, int runs, bool liveOnly = false)
    {
        using var bench = new TuiBench(ns, ovsDb);
        bench.FirstScreen();
        await bench.LiveUpdateAsync(runs);
        if (liveOnly) return bench._results;
        bench.RedrawProbe(runs);
        // Keys at a common full-screen size and at a large one: a redraw costs Terminal.Gui
        // time in proportion to the cells on screen.
        foreach (var (w, h) in new[] { (120, 40), (200, 50) })
        {
            bench._app.Driver!.SetScreenSize(w, h);
            bench._app.LayoutAndDraw();
            bench._size = $"{w}x{h}";
            bench.Keys(ViewKind.Interfaces, runs);
            bench.Keys(ViewKind.Routes, runs);
        }
        bench._results.Add(new("harness peak RSS (VmHWM)", "MB", [Process.GetCurrentProcess().PeakWorkingSet64 / 1e6], "in-process"));
        return bench._results;
    }

    private void Phase(string name, Stopwatch sw)
    {
        _results.Add(new($"TUI start phase: {name} (1 sample)", "ms", [sw.Elapsed.TotalMilliseconds], "in-process headless"));
        sw.Restart();
    }

    /// <summary>Start to the first screen with every link listed (what TuiApp asks for at start).</summary>
    private void FirstScreen()
    {
        var phase = Stopwatch.StartNew();
        TuiStartup.RequestInitial(_scheduler);
        Pump(() => _window.Snapshot.Links.Length > 0, TimeSpan.FromSeconds(60));
        Phase("first read + ApplySnapshot", phase);
        _app.LayoutAndDraw();
        Phase("draw of the first complete screen", phase);
        var first = _sinceStart.Elapsed.TotalMilliseconds;
        _results.Add(new("TUI start -> first complete screen (cold process, 1 sample)", "ms", [first], "in-process headless",
            $"{_window.Snapshot.Links.Length} links; reads: {Reads()}"));
        Pump(() => !_scheduler.InFlight && _posted.Count == 0, TimeSpan.FromSeconds(60));
        _app.LayoutAndDraw();
        _results.Add(new("TUI start -> routes loaded too (1 sample)", "ms", [_sinceStart.Elapsed.TotalMilliseconds], "in-process headless",
            $"{_window.Snapshot.Routes.Length} routes; reads: {Reads()}"));
    }

    /// <summary>One veth pair added from outside with `ip link add`, until the new link is drawn.</summary>
    private async Task LiveUpdateAsync(int runs)
    {
        await using var live = new LiveUpdates(_scheduler, new StreamingRunner(_target), _stop);
        await Task.Delay(1000); // ip monitor is running
        _window.ShowView(ViewKind.Interfaces);
        var samples = new List<double>();
        var reads = new List<string>();
        for (int i = 0; i < runs; i++)
        {
            var name = $"blive{i}-{Environment.ProcessId % 10000}";
            while (_inventory.Reads.TryDequeue(out _)) { }
            Ip("link", "add", name, "type", "veth", "peer", "name", name + "p");
            var sw = Stopwatch.StartNew();
            Pump(() => _window.Snapshot.FindLink(name) is not null, TimeSpan.FromSeconds(10));
            _window.CurrentPane.Select(name);
            _app.LayoutAndDraw();
            samples.Add(sw.Elapsed.TotalMilliseconds);
            reads.Add(Reads());
            Ip("link", "del", name);
            // Let the deletion's refresh finish before the next add.
            Thread.Sleep(400);
            Pump(() => !_scheduler.InFlight && _posted.Count == 0, TimeSpan.FromSeconds(10));
        }
        _results.Add(new("live update: link added outside -> on screen", "ms", [.. samples], "in-process headless, real ip monitor",
            "reads per update: " + string.Join(" | ", reads.Distinct())));
    }

    private void Keys(ViewKind view, int runs)
    {
        _window.ShowView(view);
        _app.LayoutAndDraw();
        var rows = _window.CurrentPane.Rows?.Count ?? 0;
        string label = $"{_size} {view} ({rows} rows)";
        Key(label, "scroll (cursor down)", runs * 4, () => Key_(Terminal.Gui.Input.Key.CursorDown));
        Key(label, "page down", runs * 2, () => Key_(Terminal.Gui.Input.Key.PageDown));
        var end = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            end.Add(Time(() => Key_(Terminal.Gui.Input.Key.End)));
            Key_(Terminal.Gui.Input.Key.Home);
        }
        AddKey($"{label}: jump to end", end);

        // The filter: '/', then a text typed key by key; the first key scans every row.
        var filter = view == ViewKind.Routes ? "10.1.2.25" : "vb99";
        // A different first key each time: the filter cache must not answer from the last run.
        var firstKeys = view == ViewKind.Routes ? "1234567890" : "vbpnero";
        var first = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            Key_(new Key('/'));
            var k = firstKeys[i % firstKeys.Length];
            first.Add(Time(() => Key_(new Key(k))));
            Key_(Terminal.Gui.Input.Key.Esc);
            Key_(Terminal.Gui.Input.Key.Esc);
        }
        AddKey($"{label}: filter, first keystroke", first,
            (_window.CurrentPane.Rows?.Set.Count ?? 0) >= MainWindow.DeferFilterRows ? "scan deferred to a pause in typing" : $"one of '{firstKeys}', every row scanned");
        // On a huge view the scan waits for a pause in typing; Enter applies it at once: time that.
        var apply = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            Key_(new Key('/'));
            Key_(new Key(firstKeys[(i + 3) % firstKeys.Length]));
            apply.Add(Time(() => Key_(Terminal.Gui.Input.Key.Enter)));
            Key_(new Key('/'));
            Key_(Terminal.Gui.Input.Key.Esc);
        }
        AddKey($"{label}: filter, Enter after one key (the scan)", apply);
        var later = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            Key_(new Key('/'));
            Key_(new Key(filter[0]));
            for (int c = 1; c < filter.Length; c++)
                later.Add(Time(() => Key_(new Key(filter[c]))));
            Key_(Terminal.Gui.Input.Key.Esc);
            Key_(Terminal.Gui.Input.Key.Esc);
        }
        AddKey($"{label}: filter, further keystrokes", later, $"typing '{filter}'");
        var clear = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            Key_(new Key('/'));
            foreach (var ch in filter) Key_(new Key(ch));
            Key_(Terminal.Gui.Input.Key.Enter);
            clear.Add(Time(() => Key_(Terminal.Gui.Input.Key.Esc)));
        }
        AddKey($"{label}: clear filter (Esc)", clear);
    }

    /// <summary>Where a redraw's time goes: the whole window, the table alone, nothing dirty.</summary>
    private void RedrawProbe(int runs)
    {
        _window.ShowView(ViewKind.Interfaces);
        _app.LayoutAndDraw();
        Key("redraw probe", "whole window invalidated", runs * 2, () => { _window.SetNeedsDraw(); _app.LayoutAndDraw(); });
        Key("redraw probe", "whole window re-laid out", runs * 2, () => { _window.SetNeedsLayout(); _app.LayoutAndDraw(); });
        Key("redraw probe", "table only invalidated", runs * 2, () => { _window.CurrentPane.Table.SetNeedsDraw(); _app.LayoutAndDraw(); });
        Key("redraw probe", "nothing invalidated", runs * 2, () => _app.LayoutAndDraw());
        // Experiments (restored after): how much of a table redraw is its header underline
        // (LineCanvas, which goes through Terminal.Gui's region merging), and the screen size.
        var table = _window.CurrentPane.Table;
        table.Style.ShowHorizontalHeaderUnderline = false;
        Key("redraw probe", "table only, no header underline (experiment)", runs * 2, () => { table.SetNeedsDraw(); _app.LayoutAndDraw(); });
        table.Style.ShowHorizontalHeaderUnderline = true;
        _app.Driver!.SetScreenSize(120, 40);
        _app.LayoutAndDraw();
        Key("redraw probe", "table only at 120x40 (experiment)", runs * 2, () => { table.SetNeedsDraw(); _app.LayoutAndDraw(); });
        _app.Driver!.SetScreenSize(200, 50);
        _app.LayoutAndDraw();
    }

    private void Key(string label, string what, int n, Action press)
    {
        press(); // warm-up
        TakeCpu();
        var samples = new List<double>();
        for (int i = 0; i < n; i++) samples.Add(Time(press));
        AddKey($"{label}: {what}", samples);
    }

    private void Key_(Key key)
    {
        _app.InjectKey(key);
        _app.LayoutAndDraw();
    }

    /// <summary>UI-thread CPU time of every timed key since the last <see cref="TakeCpu"/>.</summary>
    private readonly List<double> _cpu = [];

    private double Time(Action a)
    {
        var cpu = ThreadCpu.NowMs();
        var sw = Stopwatch.StartNew();
        a();
        var wall = sw.Elapsed.TotalMilliseconds;
        _cpu.Add(ThreadCpu.NowMs() - cpu);
        return wall;
    }

    private double[] TakeCpu()
    {
        var c = _cpu.ToArray();
        _cpu.Clear();
        return c;
    }

    /// <summary>Adds a wall-time result and the UI thread's CPU time for the same keys.</summary>
    private void AddKey(string name, List<double> wall, string? note = null)
    {
        _results.Add(new(name, "ms", [.. wall], Method, note));
        _results.Add(new(name + " [UI-thread CPU]", "ms", TakeCpu(), "in-process headless, CLOCK_THREAD_CPUTIME_ID", note));
    }

    /// <summary>Runs what the scheduler posts to the UI (as app.Invoke would) until <paramref name="done"/>.</summary>
    private void Pump(Func<bool> done, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (!done())
        {
            if (sw.Elapsed > limit) throw new TimeoutException("the TUI did not get there in " + limit);
            if (_posted.TryTake(out var action, 5)) action();
        }
    }

    private string Reads() =>
        string.Join(", ", _inventory.Reads.Select(r => $"{r.Parts} {r.Ms:0} ms"));

    private void Ip(params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo("ip", ["-n", _target.Namespace!, .. args]) { RedirectStandardError = true })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ip {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _app.End(_token);
        _window.Dispose();
        _app.Dispose();
        _stop.Dispose();
        SynchronizationContext.SetSynchronizationContext(_context);
    }
}
