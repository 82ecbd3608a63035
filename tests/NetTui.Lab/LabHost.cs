using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetTui.Lab;

/// <summary>
/// One simulated host: a network namespace of its own (loopback up) and a state directory
/// under <see cref="LabPaths.BaseDir"/>. Everything the lab builds for this host (links,
/// OVS, dockerd, NetworkManager) lives inside the namespace; nothing touches the root one.
/// Disposing ends the host's daemons, removes the namespace and deletes the state dir.
/// </summary>
public sealed class LabHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _components = [];
    private bool _disposed;
    // Only a namespace this object made (or re-made) is ever deleted by it: on a name
    // collision `ip netns add` fails, and the other run's namespace must stay untouched.
    private bool _ownsNamespace;

    public string Name { get; }
    public string StateDir { get; }
    public string NetnsPath => $"/run/netns/{Name}";

    private LabHost(string name)
    {
        Name = name;
        StateDir = LabPaths.StateDir(name);
    }

    /// <summary>Creates a namespace with a fresh <c>ntl-</c> name, brings lo up.</summary>
    public static async Task<LabHost> CreateAsync(string? name = null)
    {
        var host = new LabHost(name ?? LabPaths.NewName());
        if (Directory.Exists(host.StateDir) || File.Exists(host.NetnsPath))
            throw new LabException($"lab host {host.Name} exists already (another run?); not touching it");
        Directory.CreateDirectory(host.StateDir);
        await File.WriteAllTextAsync(LabPaths.OwnerFile(host.Name), Environment.ProcessId.ToString()).ConfigureAwait(false);
        try
        {
            await host.RecreateNamespaceAsync().ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return host;
    }

    /// <summary>
    /// Makes the namespace again after <see cref="RemoveNamespaceAsync"/> (a simulated
    /// reboot: the kernel state is gone, the state dir with persisted config stays).
    /// </summary>
    public async Task RecreateNamespaceAsync()
    {
        await LabExec.CheckedAsync("ip", "netns", "add", Name).ConfigureAwait(false);
        _ownsNamespace = true;
        await CheckedAsync("ip", "link", "set", "lo", "up").ConfigureAwait(false);
    }

    /// <summary>Deletes the namespace (and with it all its links and routes); the state dir stays.</summary>
    public async Task RemoveNamespaceAsync()
    {
        // Processes still inside would keep the namespace (and its links) alive.
        var pids = await LabExec.RunAsync("ip", "netns", "pids", Name).ConfigureAwait(false);
        foreach (var line in pids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(line.Trim(), out var pid))
                await LabSignals.StopOwnedAsync(pid, "", TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        await LabExec.RunAsync("ip", "netns", "del", Name).ConfigureAwait(false);
        _ownsNamespace = false;
    }

    /// <summary>The argv that runs <paramref name="argv"/> inside this host's namespace.
    /// nsenter, not `ip netns exec`: the latter remounts /sys and breaks dockerd's cgroups.</summary>
    public IReadOnlyList<string> InNamespace(params IReadOnlyList<string> argv) =>
        ["nsenter", $"--net={NetnsPath}", "--", .. argv];

    /// <summary>Runs a program inside the namespace; non-zero exit is returned, not thrown.</summary>
    public Task<ExecResult> RunAsync(params string[] argv) => RunAsync(argv, null, null);

    public Task<ExecResult> RunAsync(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout) =>
        LabExec.RunAsync(InNamespace(argv), environment, timeout);

    /// <summary>Runs inside the namespace and throws with stderr on failure (for set-up steps).</summary>
    public async Task<ExecResult> CheckedAsync(params string[] argv) =>
        (await RunAsync(argv).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>`ip -j ARGS` inside the namespace, parsed (always a JSON array).</summary>
    public async Task<JsonArray> IpJsonAsync(params string[] args)
    {
        var r = (await LabExec.RunAsync(["ip", "-n", Name, "-j", .. args], null, null).ConfigureAwait(false)).EnsureSuccess();
        return ParseArray(r.StandardOutput);
    }

    /// <summary>`bridge -j ARGS` inside the namespace, parsed.</summary>
    public async Task<JsonArray> BridgeJsonAsync(params string[] args)
    {
        var r = (await RunAsync(["bridge", "-j", .. args], null, null).ConfigureAwait(false)).EnsureSuccess();
        return ParseArray(r.StandardOutput);
    }

    /// <summary>`ip -j ...` of an empty result prints nothing or "[]" depending on the command.</summary>
    internal static JsonArray ParseArray(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonNode.Parse(json) as JsonArray ?? throw new JsonException("not a JSON array: " + json[..Math.Min(200, json.Length)]);

    /// <summary>
    /// A veth pair from this host to <paramref name="other"/>, created inside the namespaces
    /// (`ip -n A link add ... netns B`), never in the root one. Both ends are left up.
    /// </summary>
    public async Task ConnectAsync(string localName, LabHost other, string remoteName)
    {
        await LabExec.CheckedAsync("ip", "-n", Name, "link", "add", localName, "type", "veth", "peer", "name", remoteName, "netns", other.Name).ConfigureAwait(false);
        await CheckedAsync("ip", "link", "set", localName, "up").ConfigureAwait(false);
        await other.CheckedAsync("ip", "link", "set", remoteName, "up").ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until no IPv6 address is still tentative (duplicate address detection takes
    /// about a second after a link gets carrier, e.g. docker0 when the first container
    /// starts; only then do its local routes exist). Two reads of a host that is still
    /// settling would differ for reasons that have nothing to do with the code under test.
    /// </summary>
    public Task WaitUntilSettledAsync() =>
        LabWait.UntilAsync("IPv6 duplicate address detection to finish", async () =>
        {
            var links = await IpJsonAsync("addr", "show").ConfigureAwait(false);
            return !links.Any(l => (l!["addr_info"]?.AsArray() ?? []).Any(a => a!["tentative"] is not null));
        }, TimeSpan.FromSeconds(20));

    /// <summary>Registers a component (daemon set) to be disposed before the namespace goes.</summary>
    internal void Own(IAsyncDisposable component) => _components.Add(component);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        var errors = new List<Exception>();
        // Reverse order: dockerd before the OVS it might sit on, daemons before the namespace.
        for (var i = _components.Count - 1; i >= 0; i--)
        {
            try { await _components[i].DisposeAsync().ConfigureAwait(false); }
            catch (Exception e) { errors.Add(e); }
        }
        try
        {
            if (_ownsNamespace && File.Exists(NetnsPath)) await RemoveNamespaceAsync().ConfigureAwait(false);
            await LabCleanup.UnmountUnderAsync(StateDir).ConfigureAwait(false);
            LabCleanup.DeleteTree(StateDir);
        }
        catch (Exception e) { errors.Add(e); }
        if (errors.Count > 0) throw new AggregateException($"cleaning up lab host {Name}", errors);
    }
}
