using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Trace;
using NetTui.Presentation;
using Terminal.Gui.Input;

namespace NetTui.Tui.Controllers;

/// <summary>
/// `T` in Containers: trace from the selected container to an address typed in the overlay;
/// the trace runs off the UI thread (<see cref="UiWork"/>) through <see cref="Run"/> (the app
/// gives the real gatherer and planner; tests a scripted one) and its hops show in the overlay.
/// </summary>
internal sealed class TraceController : IController
{
    private readonly IShell _shell;
    private readonly TraceOverlay _overlay;

    public TraceController(IShell shell, TraceOverlay overlay)
    {
        _shell = shell;
        _overlay = overlay;
        _overlay.Submitted += Submit;
    }

    public static KeyBindingEntry Key() =>
        new([Terminal.Gui.Input.Key.T.WithShift], TuiAction.Trace, "Trace",
            "trace from the selected container to an address: each hop ok or broken, with evidence and fix",
            AppliesTo: v => v == ViewKind.Containers);

    /// <summary>Gathers and plans one trace (snapshot, source, destination); null: tracing is not available here.</summary>
    public Func<HostSnapshot, TraceSource, IPAddress, CancellationToken, Task<TraceResult>>? Run { get; set; }

    public bool Do(KeyBindingEntry entry)
    {
        if (entry.Action != TuiAction.Trace) return false;
        if (_shell.CurrentPane.Selected is not Container c) { _shell.Message = "trace: select a container first"; return true; }
        if (Run is null) { _shell.Message = "trace: not available here (use nettui trace)"; return true; }
        _overlay.Open(c.Name);
        return true;
    }

    private void Submit(string to)
    {
        if (!IPAddress.TryParse(to, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            _overlay.Show([$"'{to}' is not an IPv4 address"]);
            return;
        }
        var source = TraceSources.Resolve(_shell.Snapshot, _overlay.Container);
        if (!source.Ok) { _overlay.Show([source.Error!.Message]); return; }
        var run = Run!;
        var snapshot = _shell.Snapshot;
        UiWork.Off(ct => run(snapshot, source.Get(), address, ct), _shell.Post,
            result => _overlay.Show(TraceText.Lines(result)),
            e => _overlay.Show([$"trace failed: {e.Message}"]));
    }
}
