using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Host.Commands;
using NetTui.Host.Diagnostics;
using NetTui.Host.Inventory.Docker;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Inventory.NetworkManager;
using NetTui.Host.Inventory.Ovs;
using Serilog;

namespace NetTui.Host.Inventory;

/// <summary>
/// Reads a <see cref="HostSnapshot"/>: the readers for the requested parts run
/// concurrently, each degrading on its own into a <see cref="SourceStatus"/>; then the
/// parts are joined (OVS internal taps and Weave labels on links, containers' host veths).
/// OVS is read for links too, because it is what tells an OVS internal tap from a plain one.
/// </summary>
public sealed class HostInventory(ICommandRunner runner, InventoryOptions options, ILogger? log = null) : IHostInventory
{
    private readonly ILogger _log = log ?? Serilog.Core.Logger.None;

    /// <summary>The usual set-up: real commands in <paramref name="target"/>, sources from the environment.</summary>
    public static HostInventory For(NetworkTarget target, InventoryOptions options, ILogger? log = null) =>
        new(new CommandRunner(target, log), options, log);

    public async Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
    {
        var takenAt = DateTimeOffset.UtcNow;
        PhaseTiming.Mark("inventory: start");
        var ip = new IpRoute2Reader(runner);
        var wantLinks = (parts & (InventoryParts.Links | InventoryParts.Bridges | InventoryParts.Containers)) != 0;
        // Links are annotated with OVS's view of its ports, unless the caller cannot wait for OVS.
        var wantOvs = parts.HasFlag(InventoryParts.Ovs) || (parts.HasFlag(InventoryParts.Links) && !parts.HasFlag(InventoryParts.LinksWithoutOvs));

        var linksTask = wantLinks ? Guard(SourceKind.IpRoute2, ip.ReadLinksAsync(ct)) : null;
        // Counters: one netlink dump beside ip's link read; a failure only leaves them null.
        // Not for the TUI's first frame (LinksWithoutOvs): no traffic is shown there.
        var countersTask = parts.HasFlag(InventoryParts.Links) && !parts.HasFlag(InventoryParts.LinksWithoutOvs)
            ? Task.Run(() => new Traffic.TrafficReader(runner, options.OvsDatabase).ReadLinkCounters().Rows, ct) : null;
        var routesTask = parts.HasFlag(InventoryParts.Routes) ? Guard(SourceKind.IpRoute2, ip.ReadRoutesAsync(ct)) : null;
        var ovsTask = wantOvs ? Guard(SourceKind.Ovs, new OvsReader(runner, options.OvsDatabase).ReadAsync(ct)) : null;
        var dockerTask = parts.HasFlag(InventoryParts.Containers)
            ? Guard(SourceKind.Docker, new DockerReader(runner, options.DockerHost ?? DockerEndpoint.Default).ReadAsync(ct)) : null;
        // Only for the full picture (the TUI's first read may leave routes to the next one):
        // a view of routes need not say whether NetworkManager runs.
        // With its profiles: they say what persists (see Persisting.PersistenceAnnotator).
        var nmTask = (parts | InventoryParts.Routes) == InventoryParts.All ? NetworkManagerReader.ReadAsync(options.SystemBusAddress, ct) : null;
        var systemdTask = nmTask is null ? null : Systemd.BootUnitReader.ReadAsync(options.SystemdRoot, ct);
        var hostNameTask = ReadHostNameAsync(ct);
        if (PhaseTiming.Enabled)
            foreach (var (name, task) in new (string, Task?)[] { ("links", linksTask), ("routes", routesTask), ("ovs", ovsTask), ("docker", dockerTask), ("nm", nmTask) })
                _ = task?.ContinueWith(_ => PhaseTiming.Mark($"inventory: {name} read"), TaskScheduler.Default);
        await Task.WhenAll(new Task?[] { linksTask, countersTask, routesTask, ovsTask, dockerTask, nmTask, systemdTask, hostNameTask }.OfType<Task>()).ConfigureAwait(false);
        PhaseTiming.Mark("inventory: all reads done");

        var links = linksTask?.Result;
        var routes = routesTask?.Result;
        var ovs = ovsTask?.Result;
        var docker = dockerTask?.Result;

        var sources = ImmutableArray.CreateBuilder<SourceStatus>();
        if (IpRoute2Status(links?.Status, routes?.Status) is { } ipStatus) sources.Add(ipStatus);
        if (ovs is not null) sources.Add(ovs.Status);
        if (docker is not null) sources.Add(docker.Status);
        if (nmTask is not null) sources.Add(nmTask.Result.Status);
        foreach (var s in sources)
            if (!s.Available) _log.Warning("source {Source} down: {Reason}", s.Source, s.Reason);

        var allLinks = Traffic.TrafficReader.Attach(LinkAnnotator.Annotate(links?.Value?.Links ?? [], ovs?.Value), countersTask?.Result ?? []);
        var containers = docker?.Value is { } d ? ContainerWiring.Attach(d.Containers, d.HostPeerIndexById, allLinks) : [];

        var snapshot = new HostSnapshot(
            HostName: hostNameTask.Result,
            Namespace: runner.Target.Namespace,
            TakenAt: takenAt,
            Links: parts.HasFlag(InventoryParts.Links) ? allLinks : [],
            Bridges: parts.HasFlag(InventoryParts.Bridges) ? links?.Value?.Bridges ?? [] : [],
            Routes: routes?.Value?.Routes ?? [],
            Ovs: parts.HasFlag(InventoryParts.Ovs) ? ovs?.Value : null,
            Containers: containers,
            Sources: sources.ToImmutable())
        {
            DockerNetworks = docker?.Value?.Networks ?? [],
            Rules = routes?.Value?.Rules ?? [],
            Nexthops = routes?.Value?.Nexthops ?? [],
        };
        PhaseTiming.Mark("inventory: joined");
        // Persistence annotations need the whole picture (profiles, OVS, Docker); only then.
        if (nmTask is null) return snapshot;
        var nm = nmTask.Result.State;
        var boot = Persisting.PersistenceDetector.Boot(options.ConfigRoot, nm?.Available == true);
        var annotated = PersistenceAnnotator.Annotate(snapshot with { NetworkManager = nm, Boot = boot, Systemd = systemdTask!.Result });
        PhaseTiming.Mark("inventory: persistence annotated");
        return annotated;
    }

    /// <summary>Single links by name (a live update): `ip` only, never routes, OVS, Docker or NetworkManager.</summary>
    public Task<LinkPatch?> ReadLinksAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default) =>
        new IpRoute2Reader(runner).ReadLinksByNameAsync(names, knownIndices, ct);

    /// <summary>The last line of defence: a reader that throws anyway (a bug, an unforeseen error) is a down source, not a crash.</summary>
    private async Task<SourceRead<T>> Guard<T>(SourceKind kind, Task<SourceRead<T>> read) where T : class
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.Error(e, "reading {Source} failed", kind);
            return new SourceRead<T>(null, SourceStatus.Down(kind, e.Message, TimeSpan.Zero));
        }
    }

    /// <summary>Links and routes are two reads of one source: down if either is, with the first reason.</summary>
    internal static SourceStatus? IpRoute2Status(SourceStatus? links, SourceStatus? routes)
    {
        if (links is null) return routes;
        if (routes is null) return links;
        var elapsed = links.Elapsed > routes.Elapsed ? links.Elapsed : routes.Elapsed;
        if (!links.Available) return links with { Elapsed = elapsed };
        if (!routes.Available) return routes with { Elapsed = elapsed };
        return links with { Elapsed = elapsed };
    }

    /// <summary>UTS is not per network namespace, so the machine's host name is the answer for any target.</summary>
    private static async Task<string> ReadHostNameAsync(CancellationToken ct)
    {
        try
        {
            var text = await File.ReadAllTextAsync("/proc/sys/kernel/hostname", ct).ConfigureAwait(false);
            return text.Trim();
        }
        catch (IOException)
        {
            return Environment.MachineName;
        }
        catch (UnauthorizedAccessException)
        {
            return Environment.MachineName;
        }
    }
}
