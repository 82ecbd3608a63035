using System.Diagnostics;
using NetTui.Core.Model;
using Tmds.DBus.Protocol;

namespace NetTui.Host.Inventory.NetworkManager;

/// <summary>
/// Does NetworkManager answer? For now only that (its profiles are a later issue's): the
/// system bus must exist and the name org.freedesktop.NetworkManager must have an owner.
/// Cheap, with a short timeout, and never throws.
/// </summary>
public static class NetworkManagerProbe
{
    public const string DefaultBusSocket = "/run/dbus/system_bus_socket";
    public const string BusName = "org.freedesktop.NetworkManager";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static async Task<SourceStatus> ProbeAsync(string? busAddress, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        var path = BusSocketPath(busAddress);
        if (path is not null && !File.Exists(path))
            return SourceStatus.Down(SourceKind.NetworkManager, $"no system D-Bus at {path}", sw.Elapsed);

        var address = string.IsNullOrWhiteSpace(busAddress) ? $"unix:path={DefaultBusSocket}" : busAddress;
        try
        {
            using var connection = new DBusConnection(address);
            var ask = AskAsync(connection);
            var done = await Task.WhenAny(ask, Task.Delay(Timeout, ct)).ConfigureAwait(false);
            if (done != ask)
                return SourceStatus.Down(SourceKind.NetworkManager, $"the system D-Bus did not answer within {Timeout.TotalSeconds:0} s", sw.Elapsed);
            return await ask.ConfigureAwait(false)
                ? SourceStatus.Ok(SourceKind.NetworkManager, sw.Elapsed)
                : SourceStatus.Down(SourceKind.NetworkManager, "NetworkManager is not running (no owner of org.freedesktop.NetworkManager on the system bus)", sw.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return SourceStatus.Down(SourceKind.NetworkManager, $"cannot reach the system D-Bus at {address} ({e.Message})", sw.Elapsed);
        }
    }

    private static async Task<bool> AskAsync(DBusConnection connection)
    {
        await connection.ConnectAsync().ConfigureAwait(false);
        return await connection.CallMethodAsync(NameHasOwner(connection), (Message m, object? _) => m.GetBodyReader().ReadBool(), null).ConfigureAwait(false);
    }

    private static MessageBuffer NameHasOwner(DBusConnection connection)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", "s");
        writer.WriteString(BusName);
        return writer.CreateMessage();
    }

    /// <summary>"unix:path=/x/bus.sock,guid=..." → "/x/bus.sock"; null (unset) → the default socket; other transports → null.</summary>
    public static string? BusSocketPath(string? busAddress)
    {
        if (string.IsNullOrWhiteSpace(busAddress)) return DefaultBusSocket;
        var first = busAddress.Split(';')[0];
        if (!first.StartsWith("unix:", StringComparison.Ordinal)) return null;
        foreach (var part in first["unix:".Length..].Split(','))
            if (part.StartsWith("path=", StringComparison.Ordinal)) return part["path=".Length..];
        return null;
    }
}
