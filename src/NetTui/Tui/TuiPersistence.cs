using NetTui.Presentation;
using NetTui.Composition;

namespace NetTui.Tui;

/// <summary>
/// Keeps the main window's <see cref="MainWindow.Persistence"/> true: NetworkManager is probed
/// at start and on every refresh (r, after a change), off the UI thread, with the CLI's probe
/// (<see cref="HostChanges.ProbeAsync"/>, the one probe the change path also makes for each change). With --runtime-only nothing is probed: every form says
/// "runtime only: LOST AT REBOOT (--runtime-only was asked)".
/// </summary>
internal sealed class TuiPersistence
{
    private readonly MainWindow _window;
    private readonly Action<Action> _invoke;
    private readonly HostChanges _changes;
    private readonly Serilog.ILogger _log;
    private readonly CancellationToken _stop;
    private int _probing;

    private TuiPersistence(MainWindow window, Action<Action> invoke, HostChanges changes, Serilog.ILogger log, CancellationToken stop) =>
        (_window, _invoke, _changes, _log, _stop) = (window, invoke, changes, log, stop);

    public static void Watch(MainWindow window, Action<Action> invoke, HostChanges changes, bool runtimeOnly, Serilog.ILogger log, CancellationToken stop)
    {
        if (runtimeOnly)
        {
            window.Persistence = new PersistenceMode(true, null);
            return;
        }
        // Until the first answer (2 s at most) a form says so rather than promising a profile.
        window.Persistence = new PersistenceMode(false, "not probed yet");
        var watch = new TuiPersistence(window, invoke, changes, log, stop);
        window.RefreshRequested += r => { if (r.NetworkManager) watch.Probe(); };
        watch.Probe();
    }

    private void Probe()
    {
        if (Interlocked.Exchange(ref _probing, 1) == 1) return; // one probe at a time; a refresh during one gets its answer
        UiWork.Off(ct => _changes.ProbeAsync(false, _stop), _invoke, mode =>
        {
            Volatile.Write(ref _probing, 0);
            if (_window.Persistence != mode) _log.Information("persistence: {Mode}", mode.Persists ? mode.HeaderText : $"runtime only ({mode.Unavailable})");
            _window.Persistence = mode;
        }, _ => Volatile.Write(ref _probing, 0)); // cancelled: the TUI is closing (the probe itself never throws)
    }
}
