using System.Globalization;
using NetTui.Core.Capture;
using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// The TUI's capture form, pure: which interface a selected row captures on, and the form's
/// text to a bounded <see cref="CaptureRequest"/> or one line saying what is wrong (then nothing runs).
/// </summary>
public static class CaptureForm
{
    public const string DefaultCount = "10", DefaultSeconds = "10";

    /// <summary>
    /// The device a row's object carries packets on: an interface, a bridge port (else the
    /// bridge), an OVS interface (else a bridge's own internal port), a container's host-side
    /// veth; null where a row has none.
    /// </summary>
    public static string? InterfaceOf(object? subject) => subject switch
    {
        Link l => l.Name,
        BridgeRow b => b.Port?.Name ?? b.Bridge.Name,
        OvsRow { Interface: { } i } => i.Name,
        OvsRow { Port: null } o => o.Bridge.Name,
        Container c => c.HostVeth,
        _ => null,
    };

    public static (CaptureRequest? Request, string? Error) Parse(string iface, string count, string seconds, string filter)
    {
        if (!int.TryParse(count.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return (null, $"count: '{count.Trim()}' is not a number of packets (1 to {CaptureRequest.MaxCount})");
        if (!int.TryParse(seconds.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            return (null, $"seconds: '{seconds.Trim()}' is not a number of seconds (1 to {CaptureRequest.MaxSeconds})");
        var parsed = CaptureRequest.Parse(iface, n, s, filter);
        return parsed.Ok ? (parsed.Get(), null) : (null, $"{parsed.Error!.Field}: {parsed.Error.Message}");
    }
}
