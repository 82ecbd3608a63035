using System.Diagnostics;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.NetworkManager;

/// <summary>
/// A cheap check for now: is there a system D-Bus socket NetworkManager could answer on?
/// (Whether NetworkManager itself answers is a later issue's concern.)
/// </summary>
public static class NetworkManagerProbe
{
    public const string DefaultBusSocket = "/run/dbus/system_bus_socket";

    public static SourceStatus Probe(string? busAddress)
    {
        var sw = Stopwatch.StartNew();
        var path = BusSocketPath(busAddress);
        if (path is null)
            return new SourceStatus(SourceKind.NetworkManager, true, $"not checked (bus {busAddress})", sw.Elapsed);
        return File.Exists(path)
            ? new SourceStatus(SourceKind.NetworkManager, true, "not checked (system D-Bus present)", sw.Elapsed)
            : SourceStatus.Down(SourceKind.NetworkManager, $"no system D-Bus at {path}", sw.Elapsed);
    }

    /// <summary>"unix:path=/x/bus.sock,guid=..." → "/x/bus.sock"; null (unset) → the default socket; other transports → null.</summary>
    public static string? BusSocketPath(string? busAddress)
    {
        if (string.IsNullOrWhiteSpace(busAddress)) return DefaultBusSocket;
        foreach (var part in busAddress.Split(';')[0].Split(':', 2) is [var transport, var rest] && transport == "unix" ? rest.Split(',') : [])
            if (part.StartsWith("path=", StringComparison.Ordinal)) return part["path=".Length..];
        return null;
    }
}
