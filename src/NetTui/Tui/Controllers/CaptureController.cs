using NetTui.Core.Capture;
using NetTui.Host.Capture;
using NetTui.Presentation;
using Terminal.Gui.Input;

namespace NetTui.Tui.Controllers;

/// <summary>
/// `C`: capture packets on the selected interface, bridge port, OVS interface or container
/// veth. A small form (count, seconds, filter) runs the same bounded capture as `nettui capture`
/// (tcpdump through the namespace-aware runner, pcap in the state directory), off the UI
/// thread; the result is the pcap's path and one line per packet. Bad input, or a filter
/// tcpdump rejects, is one line, and nothing is captured.
/// </summary>
internal sealed class CaptureController(IShell shell, CaptureOverlay overlay) : IController
{
    public static readonly IReadOnlySet<ViewKind> Views = new HashSet<ViewKind> { ViewKind.Interfaces, ViewKind.Bridges, ViewKind.OpenVSwitch, ViewKind.Containers };

    public static KeyBindingEntry Key() =>
        new([Terminal.Gui.Input.Key.C.WithShift], TuiAction.CapturePackets, "Capture",
            "capture packets on the selected interface or OVS port (count, seconds, filter) into a pcap file",
            AppliesTo: Views.Contains);

    /// <summary>Runs a capture (the app's PacketCapture); null: the key says capturing is not available here.</summary>
    public Func<CaptureRequest, CancellationToken, Task<CaptureResult>>? Backend { get; set; }

    public bool Do(KeyBindingEntry entry)
    {
        if (entry.Action != TuiAction.CapturePackets) return false;
        if (Backend is null) { shell.Message = "capturing is not available here"; return true; }
        if (CaptureForm.InterfaceOf(shell.CurrentPane.Selected) is not { } iface)
        {
            shell.Message = "select an interface, bridge port, OVS interface or container to capture on";
            return true;
        }
        overlay.Open(iface);
        return true;
    }

    /// <summary>Enter in the form: parse, then run off the UI thread.</summary>
    public void Run(string count, string seconds, string filter)
    {
        var (request, error) = CaptureForm.Parse(overlay.Interface, count, seconds, filter);
        if (request is null) { overlay.Say(error! + " (nothing was captured)"); return; }
        var backend = Backend!;
        overlay.ShowPackets([]);
        overlay.Say($"capturing on {request.Interface.Value}: up to {request.Count} packets or {request.Seconds} s…", running: true);
        UiWork.Then(UiWork.Start(() => backend(request, CancellationToken.None)), shell.Post, result =>
        {
            overlay.Say($"{result.Packets.Count} packet(s) in {result.PcapPath} (wireshark / termshark -r it)");
            overlay.ShowPackets(result.Packets);
        }, e => overlay.Say(e is CaptureException ? e.Message : "capture failed: " + e.Message));
    }
}
