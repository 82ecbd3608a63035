using NetTui.Core.Persisting;
using NetTui.Host.Inventory.NetworkManager;
using Tmds.DBus.Protocol;

namespace NetTui.Host.NetworkManager;

/// <summary>A profile as listed: its D-Bus object path, settings, keyfile and NMSettingsConnectionFlags.</summary>
public sealed record NmConnectionInfo(string Path, NmSettings Settings, string? Filename, uint Flags)
{
    /// <summary>NM_GENERATED | VOLATILE | EXTERNAL: NetworkManager's own in-memory view of a device configured by someone else, not configuration.</summary>
    public bool Generated => (Flags & (0x2 | 0x4 | 0x8)) != 0;

    /// <summary>NM_SETTINGS_CONNECTION_FLAG_UNSAVED, or no keyfile: it does not survive a restart.</summary>
    public bool InMemory => (Flags & 0x1) != 0 || Filename is null;
}

/// <summary>
/// A small hand-written NetworkManager client over Tmds.DBus.Protocol: the few calls NetTui
/// needs (profiles, activation, devices, checkpoints). Connects to the given address (the app
/// reads DBUS_SYSTEM_BUS_ADDRESS once, in its composition root), else the system bus's default socket. Every call is bounded by <see cref="CallTimeout"/>
/// and the caller's token. Failures become <see cref="NetworkManagerException"/> with one
/// clear line naming the profile and NetworkManager's reason.
/// </summary>
public sealed partial class NmClient : IDisposable
{
    private readonly string _address;
    private DBusConnection? _connection;

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ActivationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public NmClient(string? busAddress = null)
    {
        _address = string.IsNullOrWhiteSpace(busAddress) ? $"unix:path={NetworkManagerProbe.DefaultBusSocket}" : busAddress;
    }

    public string BusAddress => _address;

    private async Task<DBusConnection> ConnectAsync(CancellationToken ct)
    {
        if (_connection is not null)
        {
            // A connection the bus closed (NetworkManager or the bus restarted since it was
            // opened: a TUI left open, an undo after a reboot) is replaced before the call is
            // sent, so the call is never lost and never sent twice.
            if (!_connection.DisconnectedAsync().IsCompleted) return _connection;
            _connection.Dispose();
            _connection = null;
        }
        var path = NetworkManagerProbe.BusSocketPath(_address);
        if (path is not null && !File.Exists(path))
            throw new NetworkManagerException($"NetworkManager is not reachable: no system D-Bus at {path}", notRunning: true);
        var c = new DBusConnection(_address);
        try
        {
            await c.ConnectAsync().AsTask().WaitAsync(CallTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            c.Dispose();
            throw new NetworkManagerException($"NetworkManager is not reachable: cannot connect to the system D-Bus at {_address} ({e.Message})", notRunning: true, inner: e);
        }
        _connection = c;
        return c;
    }

    /// <summary>One method call with a timeout; D-Bus errors become <see cref="NetworkManagerException"/> with <paramref name="what"/> in the message.</summary>
    private async Task<T> CallAsync<T>(string what, Func<DBusConnection, MessageBuffer> build, MessageValueReader<T> read, CancellationToken ct)
    {
        var c = await ConnectAsync(ct).ConfigureAwait(false);
        try
        {
            return await c.CallMethodAsync(build(c), read, null).WaitAsync(CallTimeout, ct).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException e)
        {
            throw Translate(what, e);
        }
        catch (TimeoutException e)
        {
            throw new NetworkManagerException($"NetworkManager did not answer within {CallTimeout.TotalSeconds:0} s to {what}", inner: e);
        }
        catch (DBusConnectionException e)
        {
            _connection = null;
            throw new NetworkManagerException($"NetworkManager is not reachable ({what}): {e.Message}", notRunning: true, inner: e);
        }
    }

    private Task CallAsync(string what, Func<DBusConnection, MessageBuffer> build, CancellationToken ct) =>
        CallAsync(what, build, static (Message _, object? _) => true, ct);

    internal static NetworkManagerException Translate(string what, DBusErrorReplyException e)
    {
        var name = e.ErrorName;
        if (name is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner")
            return new NetworkManagerException($"NetworkManager is not running (nobody owns {NmBus.Service} on the system bus); could not {what}", notRunning: true, errorName: name);
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        return new NetworkManagerException($"NetworkManager refused to {what}: {e.ErrorMessage} ({shortName})", errorName: name, inner: e);
    }

    /// <summary>MessageWriter is a struct: the body must be written through a ref, or its length is lost (and the bus drops the connection).</summary>
    private delegate void BodyWriter(ref MessageWriter w);

    private static MessageBuffer Call(DBusConnection c, string path, string iface, string member, string? signature = null, BodyWriter? body = null)
    {
        var w = c.GetMessageWriter();
        try
        {
            w.WriteMethodCallHeader(NmBus.Service, path, iface, member, signature);
            body?.Invoke(ref w);
            return w.CreateMessage();
        }
        finally
        {
            w.Dispose();
        }
    }

    // ---- properties ------------------------------------------------------------------------

    public Task<VariantValue> GetPropertyAsync(string path, string iface, string property, CancellationToken ct = default) =>
        CallAsync($"read {property} of {path}", c => Call(c, path, NmBus.Properties, "Get", "ss", (ref MessageWriter w) => { w.WriteString(iface); w.WriteString(property); }),
            static (Message m, object? _) => m.GetBodyReader().ReadVariantValue(), ct);

    public async Task<string> VersionAsync(CancellationToken ct = default) =>
        (await GetPropertyAsync(NmBus.ManagerPath, NmBus.ManagerInterface, "Version", ct).ConfigureAwait(false)).GetString();

    // ---- profiles --------------------------------------------------------------------------

    public Task<string[]> ListConnectionPathsAsync(CancellationToken ct = default) =>
        CallAsync("list profiles", c => Call(c, NmBus.SettingsPath, NmBus.SettingsInterface, "ListConnections"),
            static (Message m, object? _) => m.GetBodyReader().ReadArrayOfObjectPath().Select(p => p.ToString()).ToArray(), ct);

    public Task<NmSettings> GetSettingsAsync(string path, CancellationToken ct = default) =>
        CallAsync($"read profile {path}", c => Call(c, path, NmBus.ConnectionInterface, "GetSettings"),
            static (Message m, object? _) => { var r = m.GetBodyReader(); return NmVariants.ReadSettings(ref r); }, ct);

    /// <summary>Every profile with its settings and keyfile path.</summary>
    public async Task<IReadOnlyList<NmConnectionInfo>> ListConnectionsAsync(CancellationToken ct = default)
    {
        var list = new List<NmConnectionInfo>();
        foreach (var path in await ListConnectionPathsAsync(ct).ConfigureAwait(false))
        {
            NmSettings settings;
            try { settings = await GetSettingsAsync(path, ct).ConfigureAwait(false); }
            catch (NetworkManagerException e) when (!e.NotRunning) { continue; } // deleted meanwhile
            string? file = null;
            uint flags = 0;
            try
            {
                file = (await GetPropertyAsync(path, NmBus.ConnectionInterface, "Filename", ct).ConfigureAwait(false)).GetString();
                flags = (await GetPropertyAsync(path, NmBus.ConnectionInterface, "Flags", ct).ConfigureAwait(false)).GetUInt32();
            }
            catch (NetworkManagerException e) when (!e.NotRunning) { }
            list.Add(new NmConnectionInfo(path, settings, string.IsNullOrEmpty(file) ? null : file, flags));
        }
        return list;
    }

    public async Task<string?> FindConnectionByUuidAsync(string uuid, CancellationToken ct = default)
    {
        try
        {
            return await CallAsync($"find profile {uuid}", c => Call(c, NmBus.SettingsPath, NmBus.SettingsInterface, "GetConnectionByUuid", "s", (ref MessageWriter w) => w.WriteString(uuid)),
                static (Message m, object? _) => m.GetBodyReader().ReadObjectPathAsString(), ct).ConfigureAwait(false);
        }
        catch (NetworkManagerException e) when (!e.NotRunning && e.ErrorName?.EndsWith("InvalidConnection", StringComparison.Ordinal) == true)
        {
            return null;
        }
    }

    /// <summary>AddConnection2 (to-disk unless <paramref name="flags"/> say otherwise); returns the profile's path.</summary>
    public Task<string> AddConnectionAsync(NmSettings settings, uint flags = NmBus.ToDisk, CancellationToken ct = default) =>
        CallAsync($"save profile {settings.Id}", c => Call(c, NmBus.SettingsPath, NmBus.SettingsInterface, "AddConnection2", "a{sa{sv}}ua{sv}", (ref MessageWriter w) =>
        {
            NmVariants.WriteSettings(ref w, settings);
            w.WriteUInt32(flags);
            w.WriteDictionary(new Dictionary<string, VariantValue>());
        }), static (Message m, object? _) => m.GetBodyReader().ReadObjectPathAsString(), ct);

    /// <summary>Update2 with the whole new settings, saved to disk.</summary>
    public Task UpdateConnectionAsync(string path, NmSettings settings, uint flags = NmBus.ToDisk, CancellationToken ct = default) =>
        CallAsync($"update profile {settings.Id}", c => Call(c, path, NmBus.ConnectionInterface, "Update2", "a{sa{sv}}ua{sv}", (ref MessageWriter w) =>
        {
            NmVariants.WriteSettings(ref w, settings);
            w.WriteUInt32(flags);
            w.WriteDictionary(new Dictionary<string, VariantValue>());
        }), ct);

    public Task DeleteConnectionAsync(string path, string id, CancellationToken ct = default) =>
        CallAsync($"delete profile {id}", c => Call(c, path, NmBus.ConnectionInterface, "Delete"), ct);

    // ---- devices and activation ------------------------------------------------------------

    public Task<string> GetDeviceByIpIfaceAsync(string iface, CancellationToken ct = default) =>
        CallAsync($"find device {iface}", c => Call(c, NmBus.ManagerPath, NmBus.ManagerInterface, "GetDeviceByIpIface", "s", (ref MessageWriter w) => w.WriteString(iface)),
            static (Message m, object? _) => m.GetBodyReader().ReadObjectPathAsString(), ct);

    /// <summary>A device's state and the reason for it (NMDeviceState, NMDeviceStateReason).</summary>
    public async Task<(uint State, uint Reason)> DeviceStateAsync(string devicePath, CancellationToken ct = default)
    {
        var v = await GetPropertyAsync(devicePath, NmBus.DeviceInterface, "StateReason", ct).ConfigureAwait(false);
        return (v.GetItem(0).GetUInt32(), v.GetItem(1).GetUInt32());
    }

    public Task<string> ActivateConnectionAsync(string connectionPath, string devicePath, string id, CancellationToken ct = default) =>
        CallAsync($"activate profile {id}", c => Call(c, NmBus.ManagerPath, NmBus.ManagerInterface, "ActivateConnection", "ooo", (ref MessageWriter w) =>
        {
            w.WriteObjectPath(connectionPath);
            w.WriteObjectPath(devicePath);
            w.WriteObjectPath("/");
        }), static (Message m, object? _) => m.GetBodyReader().ReadObjectPathAsString(), ct);

    public Task DeactivateConnectionAsync(string activePath, string id, CancellationToken ct = default) =>
        CallAsync($"deactivate profile {id}", c => Call(c, NmBus.ManagerPath, NmBus.ManagerInterface, "DeactivateConnection", "o", (ref MessageWriter w) => w.WriteObjectPath(activePath)), ct);

    /// <summary>Device.Reapply with the profile as it is saved now (empty settings = the current settings-connection).</summary>
    public Task ReapplyAsync(string devicePath, string id, CancellationToken ct = default) =>
        CallAsync($"reapply profile {id}", c => Call(c, devicePath, NmBus.DeviceInterface, "Reapply", "a{sa{sv}}tu", (ref MessageWriter w) =>
        {
            NmVariants.WriteSettings(ref w, NmSettings.Empty);
            w.WriteUInt64(0);
            w.WriteUInt32(0);
        }), ct);

    /// <summary>Active connections: path → (uuid, device interface names).</summary>
    public async Task<IReadOnlyList<(string Path, string Uuid, string[] Devices)>> ActiveConnectionsAsync(CancellationToken ct = default)
    {
        var list = new List<(string, string, string[])>();
        var paths = (await GetPropertyAsync(NmBus.ManagerPath, NmBus.ManagerInterface, "ActiveConnections", ct).ConfigureAwait(false)).GetArray<ObjectPath>();
        foreach (var p in paths)
        {
            try
            {
                var uuid = (await GetPropertyAsync(p.ToString(), NmBus.ActiveInterface, "Uuid", ct).ConfigureAwait(false)).GetString();
                var devs = (await GetPropertyAsync(p.ToString(), NmBus.ActiveInterface, "Devices", ct).ConfigureAwait(false)).GetArray<ObjectPath>();
                var names = new List<string>();
                foreach (var d in devs)
                    names.Add((await GetPropertyAsync(d.ToString(), NmBus.DeviceInterface, "Interface", ct).ConfigureAwait(false)).GetString());
                list.Add((p.ToString(), uuid, [.. names]));
            }
            catch (NetworkManagerException e) when (!e.NotRunning) { } // went away while listing
        }
        return list;
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }
}
