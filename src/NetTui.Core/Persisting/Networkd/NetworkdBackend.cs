using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Persisting.Ifupdown;
using NetTui.Core.Values;
using static NetTui.Core.Persisting.PersistentPlan;

namespace NetTui.Core.Persisting.Networkd;

/// <summary>
/// systemd-networkd as a backend: NetTui's own /etc/systemd/network/50-nettui-NAME.{netdev,network}
/// for what it creates; an admin's .network that already matches the interface gets its
/// Address=, Bridge= and [Route] lines edited in place (other lines byte for byte). The runtime
/// change is made by the operation's own commands; networkd builds the same at boot.
/// </summary>
public sealed class NetworkdBackend(BackendChoice choice) : IPersistenceBackend
{
    public PersistenceBackendKind Kind => PersistenceBackendKind.Networkd;

    public bool CanPersist(Operation op) => op is CreateBridge or DeleteBridge or AttachToBridge or DetachFromBridge
        or AddAddress or RemoveAddress or AddRoute or DeleteRoute;

    public IEnumerable<string> FilesToRead(Operation op) => Names(op)
        .SelectMany(n => new[] { NetworkdConfig.OwnNetdev(n), NetworkdConfig.OwnNetwork(n) }).Select(choice.Rooted);

    private static IEnumerable<string> Names(Operation op) => op switch
    {
        CreateBridge c => [c.Name, .. c.Ports],
        DeleteBridge d => [d.Name],
        AttachToBridge a => [a.Bridge, a.Interface],
        DetachFromBridge d => [d.Interface],
        AddAddress a => [a.Interface],
        RemoveAddress r => [r.Interface],
        AddRoute { Dev: { } dev } => [dev],
        DeleteRoute { Dev: { } dev } => [dev],
        _ => [],
    };

    public IEnumerable<ValueError> Problems(OperationContext ctx) =>
        new NetworkdConfig(choice, ctx, []).Errors().Select(e => new ValueError("networkd", e + "; nothing was written"));

    private const string Persistent = "persistent: systemd-networkd";

    public PersistentPlan Plan(Operation op, HostSnapshot host, OperationContext ctx)
    {
        if (PersistenceBackends.NotAFileBackendsJob(op, host) is { } elsewhere) return elsewhere;
        var config = new NetworkdConfig(choice, ctx, FilesToRead(op));
        if (config.Errors().FirstOrDefault() is { } error) return Runtime($"systemd-networkd's files cannot be read: {error}");
        var label = op switch
        {
            CreateBridge c => PlanCreateBridge(config, c),
            DeleteBridge d => PlanDeleteBridge(config, d.Name),
            AttachToBridge a => config.NetdevFor(a.Bridge) is null
                ? Runtime($"bridge {a.Bridge} has no .netdev in {NetworkdConfig.Directory}; make it persistent first")
                : Port(config, a.Interface, a.Bridge),
            DetachFromBridge d => Detach(config, d.Interface),
            AddAddress a => PlanAddAddress(config, a, host),
            RemoveAddress r => EditNetwork(config, r.Interface, (f, e) => PlanRemoveAddress(f, e, IpPrefix.Parse(r.Address).Get())),
            AddRoute r => PersistentPlanner.RouteDevice(r.Dev, r.Via, host) is { } dev && config.NetworkFor(dev) is not null
                ? EditNetwork(config, dev, (f, e) => { e.Append(""); foreach (var l in NetworkdUnits.Route(r)) e.Append(l); return null; })
                : Runtime($"no .network in {NetworkdConfig.Directory} matches the route's interface, so it would not come back with it"),
            DeleteRoute r => PlanDeleteRoute(config, r),
            _ => Runtime($"NetTui does not persist \"{op.Describe()}\" with systemd-networkd"),
        };
        if (label.RuntimeReason is not null) return label;
        var steps = config.Steps().ToList();
        return steps.Count == 0 ? Elsewhere(label.Label) : Files(label.Label, steps);
    }

    private static PersistentPlan PlanCreateBridge(NetworkdConfig config, CreateBridge c)
    {
        if (config.NetdevFor(c.Name) is { } netdev) return Runtime($"{netdev.Host} already defines {c.Name}; NetTui does not define it twice");
        if (config.NetworkFor(c.Name) is { } network) return Runtime($"{network.Host} already configures {c.Name}; NetTui does not configure it twice");
        if (c.Routes.Any(r => r.Dev != c.Name)) return Runtime($"routes through other interfaces than {c.Name} are part of this change");
        config.Set(NetworkdConfig.OwnNetdev(c.Name), NetworkdUnits.BridgeNetdev(c));
        var addresses = new[] { c.Address }.Concat(c.MoreAddresses).OfType<string>().Select(a => IpPrefix.Parse(a).Get());
        config.Set(NetworkdConfig.OwnNetwork(c.Name), NetworkdUnits.Network(c.Name, addresses, c.Routes));
        foreach (var port in c.Ports)
            if (Port(config, port, c.Name) is { RuntimeReason: not null } refused) return refused;
        return Files($"{Persistent}, {NetworkdConfig.OwnNetdev(c.Name)} and .network", []);
    }

    /// <summary>Makes <paramref name="port"/> a port of <paramref name="bridge"/> at boot: Bridge= in its .network, or a .network of its own.</summary>
    private static PersistentPlan Port(NetworkdConfig config, string port, string bridge)
    {
        if (config.NetworkFor(port) is { } found)
            return EditNetwork(config, port, (f, e) => SetInNetwork(f, e, "Bridge", bridge));
        config.Set(NetworkdConfig.OwnNetwork(port), NetworkdUnits.Network(port, [], [], bridge));
        return Files($"{Persistent}, {NetworkdConfig.OwnNetwork(port)}", []);
    }

    private static PersistentPlan Detach(NetworkdConfig config, string port)
    {
        if (config.NetworkFor(port) is not { } found || !found.File.Named("Network").Any(s => s.All("Bridge").Any()))
            return Elsewhere($"{port} is a port in no .network: detaching it at runtime is enough");
        if (found.Host == NetworkdConfig.OwnNetwork(port))
        {
            config.Set(found.Host, null);
            return Files($"{Persistent}, {found.Host} removed", []);
        }
        return EditNetwork(config, port, (f, e) =>
        {
            foreach (var entry in f.Named("Network").SelectMany(s => s.Entries).Where(x => x.Key == "Bridge")) e.Remove(entry.Line);
            return null;
        });
    }

    private static PersistentPlan PlanDeleteBridge(NetworkdConfig config, string name)
    {
        if (config.NetdevFor(name) is not { } netdev) return Elsewhere($"{name} has no .netdev: deleting it at runtime is enough");
        if (netdev.Host != NetworkdConfig.OwnNetdev(name)) return Runtime($"{netdev.Host} defines {name} and is not NetTui's: it would come back at boot (remove it by hand)");
        config.Set(netdev.Host, null);
        if (config.Text(NetworkdConfig.OwnNetwork(name)) is not null) config.Set(NetworkdConfig.OwnNetwork(name), null);
        // NetTui's port files of this bridge go with it (an admin's port keeps its file; networkd then leaves it unbridged).
        foreach (var (host, file) in config.Files().ToList())
            if (host.StartsWith(NetworkdConfig.Directory + "/50-nettui-", StringComparison.Ordinal) && file.Named("Network").Any(s => s.All("Bridge").Contains(name)))
                config.Set(host, null);
        return Files($"{Persistent}, NetTui's files for {name} removed", []);
    }

    private static PersistentPlan PlanAddAddress(NetworkdConfig config, AddAddress a, HostSnapshot host)
    {
        var prefix = IpPrefix.Parse(a.Address).Get();
        if (config.NetworkFor(a.Interface) is not null)
            return EditNetwork(config, a.Interface, (f, e) => AddInNetwork(f, e, $"Address={prefix}"));
        if (host.FindLink(a.Interface) is { Kind: not (LinkKind.Ethernet or LinkKind.Veth) } soft)
            return Runtime($"{soft.Name} itself is runtime only (no .netdev); make it persistent first");
        config.Set(NetworkdConfig.OwnNetwork(a.Interface), NetworkdUnits.Network(a.Interface, [prefix], []));
        return Files($"{Persistent}, {NetworkdConfig.OwnNetwork(a.Interface)}", []);
    }

    private static PersistentPlan PlanDeleteRoute(NetworkdConfig config, DeleteRoute r)
    {
        var dest = HostQueries.ParseDestination(r.Destination);
        foreach (var (host, file) in config.Files().Where(f => f.Host.EndsWith(".network", StringComparison.Ordinal)))
        {
            if (r.Dev is not null && !file.MatchNames().Contains(r.Dev)) continue;
            var section = file.Named("Route").FirstOrDefault(s => s.All("Destination").Any(d => dest is not null && HostQueries.ParseDestination(d) is { } p && p.SameAs(dest))
                                                                 && (r.Via is null || s.All("Gateway").Contains(r.Via)));
            if (section is null) continue;
            var e = new LineEdits(file.Lines);
            e.Remove(section.Header);
            foreach (var entry in section.Entries) e.Remove(entry.Line);
            config.Set(host, e.Build());
            return Files($"{Persistent}, [Route] removed from {host}", []);
        }
        return Elsewhere($"route {r.Destination} is in no .network: deleting it at runtime is enough");
    }

    private static PersistentPlan EditNetwork(NetworkdConfig config, string name, Func<NetworkdFile, LineEdits, string?> edit)
    {
        if (config.NetworkFor(name) is not { } found) return Elsewhere($"no .network matches {name}: changing it at runtime is enough");
        var e = new LineEdits(found.File.Lines);
        if (edit(found.File, e) is { } nothing) return Elsewhere(nothing);
        config.Set(found.Host, e.Build());
        return Files($"{Persistent}, {found.Host}", []);
    }

    private static string? AddInNetwork(NetworkdFile f, LineEdits e, string line)
    {
        if (f.Named("Network").FirstOrDefault() is { } network) e.InsertAfter(network.Last, line);
        else e.Append("").Append("[Network]").Append(line);
        return null;
    }

    private static string? SetInNetwork(NetworkdFile f, LineEdits e, string key, string value)
    {
        if (f.Named("Network").SelectMany(s => s.Entries).FirstOrDefault(x => x.Key == key) is { } existing) { e.Replace(existing.Line, $"{key}={value}"); return null; }
        return AddInNetwork(f, e, $"{key}={value}");
    }

    private static string? PlanRemoveAddress(NetworkdFile f, LineEdits e, IpPrefix address)
    {
        foreach (var s in f.Sections.Where(s => s.Name is "Network" or "Address"))
            foreach (var entry in s.Entries.Where(x => x.Key == "Address" && IpPrefix.Parse(x.Value) is { Ok: true } p && p.Get().SameAs(address)))
            {
                e.Remove(entry.Line);
                if (s.Name == "Address" && s.Entries.Length == 1) e.Remove(s.Header);
                return null;
            }
        return $"{address} is in no .network of its interface: removing it at runtime is enough";
    }
}
