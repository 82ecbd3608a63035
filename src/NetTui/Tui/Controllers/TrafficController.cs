using NetTui.Presentation;
using Terminal.Gui.Input;

namespace NetTui.Tui.Controllers;

/// <summary>
/// `v`: the traffic columns (RX/s, TX/s, drops, errors) in Interfaces, Bridges and Containers,
/// and the selected row's 60 s sparkline in the detail pane. Off at start: only while they are
/// on does the poller read counters (once a second), so an idle session reads nothing for them.
/// </summary>
internal sealed class TrafficController(IShell shell) : IController
{
    public static readonly IReadOnlySet<ViewKind> Views = new HashSet<ViewKind> { ViewKind.Interfaces, ViewKind.Bridges, ViewKind.Containers };

    public static KeyBindingEntry Key() =>
        new([Terminal.Gui.Input.Key.V], TuiAction.ToggleTraffic, "Traffic",
            "traffic columns on/off: RX/TX per second, drops, errors; 60 s sparkline",
            AppliesTo: Views.Contains);

    /// <summary>Raised when the columns are turned on (true) or off (false): the poller starts or stops.</summary>
    public event Action<bool>? Toggled;

    public bool On { get; private set; }

    public bool Do(KeyBindingEntry entry)
    {
        if (entry.Action != TuiAction.ToggleTraffic) return false;
        On = !On;
        Toggled?.Invoke(On);
        if (!On) shell.ShowTraffic(null);
        shell.Message = On ? "traffic columns on: rates from the next second" : "traffic columns off (counters are no longer read)";
        return true;
    }
}
