using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Values;
using static NetTui.Core.Persisting.PersistentPlan;

namespace NetTui.Core.Persisting.Netplan;

/// <summary>
/// netplan as a backend: NetTui's objects in one file, /etc/netplan/90-nettui.yaml (mode 0600),
/// rewritten whole from its parsed tree; admins' files are read (to know what they define) and
/// never written: an object an admin's file defines stays runtime only, the label naming the file
/// to edit. Every plan first runs `netplan generate` on the files as they will be
/// (<see cref="NetplanCheckStep"/>), then the operation's runtime commands, then the file.
/// netplan 0.106 cannot create veth pairs: a port is matched by name (ethernets: NAME: {}) and
/// comes back when whatever makes it does.
/// </summary>
public sealed class NetplanBackend(BackendChoice choice) : IPersistenceBackend
{
    public PersistenceBackendKind Kind => PersistenceBackendKind.Netplan;

    public bool CanPersist(Operation op) => op is CreateBridge or DeleteBridge or AttachToBridge or DetachFromBridge
        or AddAddress or RemoveAddress or AddRoute or DeleteRoute or CreateIpTunnel or DeleteIpTunnel or CreateVxlan or DeleteVxlan;

    public IEnumerable<string> FilesToRead(Operation op) => [choice.Rooted(NetplanConfig.OwnFile)];

    public IEnumerable<ValueError> Problems(OperationContext ctx) =>
        new NetplanConfig(choice, ctx).Errors().Select(e => new ValueError("netplan", e + "; nothing was written"));

    private const string Persistent = "persistent: netplan, " + NetplanConfig.OwnFile;

    public PersistentPlan Plan(Operation op, HostSnapshot host, OperationContext ctx)
    {
        if (PersistenceBackends.NotAFileBackendsJob(op, host) is { } elsewhere) return elsewhere;
        var config = new NetplanConfig(choice, ctx);
        if (config.Errors().FirstOrDefault() is { } error) return Runtime($"netplan's files cannot be read: {error}");
        var own = config.Own();
        var edit = new NetplanEdit(config, own, host);
        var label = op switch
        {
            CreateBridge c => edit.CreateBridge(c),
            DeleteBridge d => edit.Delete(d.Name),
            CreateIpTunnel t => edit.CreateTunnel(t),
            DeleteIpTunnel t => edit.Delete(t.Name),
            CreateVxlan v => edit.CreateVxlan(v),
            DeleteVxlan v => edit.Delete(v.Name),
            AttachToBridge a => edit.Attach(a.Bridge, a.Interface),
            DetachFromBridge d => edit.Detach(d.Interface),
            AddAddress a => edit.AddAddress(a.Interface, IpPrefix.Parse(a.Address).Get()),
            RemoveAddress r => edit.RemoveAddress(r.Interface, IpPrefix.Parse(r.Address).Get()),
            AddRoute r => edit.AddRoute(r),
            DeleteRoute r => edit.DeleteRoute(r),
            _ => Runtime($"NetTui does not persist \"{op.Describe()}\" with netplan"),
        };
        if (label.RuntimeReason is not null) return label;
        config.SetOwn(own);
        var steps = config.Steps().Select(s => s with { OwnerOnly = true }).ToList();
        if (steps.Count == 0) return Elsewhere(label.Label);
        return Files(label.Label, steps) with
        {
            Checks = [new NetplanCheckStep($"check {NetplanConfig.OwnFile} with netplan generate", [.. config.AfterChange()])],
        };
    }

    /// <summary>The edits of NetTui's file for one operation (a small helper so each rule reads on its own).</summary>
    private sealed class NetplanEdit(NetplanConfig config, YamlMapping own, HostSnapshot host)
    {
        private YamlMapping Network => own.Map("network")!;

        private static PersistentPlan Done(string what) => Files($"{Persistent}{what}", []);

        /// <summary>Runtime only because an admin's file defines <paramref name="name"/>: NetTui does not rewrite it.</summary>
        private static PersistentPlan AdminsFile(NetplanDefinition d, string what) =>
            Runtime($"{d.Name} is defined in {d.HostPath} (line {d.Line}); {what}: edit there (NetTui writes only {NetplanConfig.OwnFile})");

        public PersistentPlan CreateBridge(CreateBridge c)
        {
            if (config.Admins(c.Name) is { } admins) return AdminsFile(admins, "NetTui does not define it twice");
            if (NetplanConfig.Find(own, c.Name) is not null) return Runtime($"{NetplanConfig.OwnFile} already defines {c.Name}");
            if (c.Routes.Any(r => r.Dev is not null && r.Dev != c.Name)) return Runtime($"routes through other interfaces than {c.Name} are part of this change");
            var ids = new List<string>();
            foreach (var port in c.Ports)
            {
                if (PortId(port) is not { } id) return Runtime(NoPort(port));
                ids.Add(id);
            }
            Network.MapOrNew("bridges").Set(c.Name, NetplanObjects.Bridge(c, ids));
            return Done($" (bridge {c.Name})");
        }

        /// <summary>The netplan ID a bridge lists for <paramref name="port"/>: its definition's, or a name match NetTui adds for a NIC or veth.</summary>
        private string? PortId(string port)
        {
            if (config.Admins(port) is { } admins) return admins.Id;
            if (NetplanConfig.Find(own, port) is { } ours) return ours.Id;
            if (host.FindLink(port) is { Kind: not (LinkKind.Ethernet or LinkKind.Veth) }) return null;
            Network.MapOrNew("ethernets").Set(port, new YamlMapping());
            return port;
        }

        private string NoPort(string port) =>
            $"{port} ({host.FindLink(port)?.Kind.ToString().ToLowerInvariant() ?? "unknown"}) is in no netplan file and netplan cannot make it; make it persistent first";

        public PersistentPlan CreateTunnel(CreateIpTunnel t)
        {
            if (config.Admins(t.Name) is { } admins) return AdminsFile(admins, "NetTui does not define it twice");
            if (t.Local is null) return Runtime("netplan needs a tunnel's local address (give --local)");
            Network.MapOrNew("tunnels").Set(t.Name, NetplanObjects.Tunnel(t));
            return Done($" (tunnel {t.Name})");
        }

        public PersistentPlan CreateVxlan(CreateVxlan v)
        {
            if (config.Admins(v.Name) is { } admins) return AdminsFile(admins, "NetTui does not define it twice");
            // netplan ties a VXLAN to an underlay only through the underlay's own definition.
            string? link = v.Underlay is null ? null
                : config.Admins(v.Underlay)?.Id ?? NetplanConfig.Find(own, v.Underlay)?.Id;
            if (v.Underlay is not null && link is null && v.Local is null)
                return Runtime($"{v.Underlay} is in no netplan file, so netplan cannot tie {v.Name} to it; give --local or make {v.Underlay} persistent first");
            Network.MapOrNew("tunnels").Set(v.Name, NetplanObjects.Vxlan(v, link));
            return Done(v.Underlay is not null && link is null ? $" (VXLAN {v.Name}, from its local address: {v.Underlay} is in no netplan file)" : $" (VXLAN {v.Name})");
        }

        public PersistentPlan Delete(string name)
        {
            if (NetplanConfig.Find(own, name) is { } found)
            {
                Network.Map(found.Section)!.Remove(found.Id);
                DropUnusedPorts();
                return Done($" ({name} removed)");
            }
            if (config.Admins(name) is { } admins) return AdminsFile(admins, "it comes back at boot");
            return Elsewhere($"{name} is in no netplan file: deleting it at runtime is enough");
        }

        /// <summary>NetTui's bare name matches (ethernets: NAME: {}) that no bridge of its file lists any more.</summary>
        private void DropUnusedPorts()
        {
            if (Network.Map("ethernets") is not { } eths) return;
            var listed = (Network.Map("bridges")?.Entries ?? []).SelectMany(b => (b.Value as YamlMapping)?.Seq("interfaces")?.Scalars ?? []).ToHashSet(StringComparer.Ordinal);
            eths.Entries.RemoveAll(e => e.Value is YamlMapping { Entries.Count: 0 } && !listed.Contains(e.Key));
        }

        public PersistentPlan Attach(string bridge, string port)
        {
            if (config.Admins(bridge) is { } admins) return AdminsFile(admins, $"NetTui cannot add {port} to it");
            if (NetplanConfig.Find(own, bridge) is not { Section: "bridges", Body: var body })
                return Runtime($"bridge {bridge} is in no netplan file; make it persistent first (nettui persist make {bridge})");
            if (PortId(port) is not { } id) return Runtime(NoPort(port));
            var list = body.SeqOrNew("interfaces");
            if (!list.Scalars.Contains(id)) list.Items.Add(new YamlScalar(id));
            return Done($" ({port} in bridge {bridge})");
        }

        public PersistentPlan Detach(string port)
        {
            var ids = new[] { port, config.Admins(port)?.Id }.OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var d in NetplanConfig.DefinitionsOf(NetplanConfig.OwnFile, own).Where(d => d.Section == "bridges"))
                if (d.Body.Seq("interfaces") is { } list && list.Items.RemoveAll(i => i is YamlScalar s && ids.Contains(s.Value)) > 0)
                {
                    DropUnusedPorts();
                    return Done($" ({port} out of bridge {d.Name})");
                }
            var admins = config.Definitions().FirstOrDefault(d => d.HostPath != NetplanConfig.OwnFile && d.Section == "bridges" && (d.Body.Seq("interfaces")?.Scalars.Any(ids.Contains) ?? false));
            return admins is not null
                ? AdminsFile(admins, $"{port} is its port at boot")
                : Elsewhere($"{port} is a port in no netplan file: detaching it at runtime is enough");
        }

        public PersistentPlan AddAddress(string name, IpPrefix address)
        {
            if (config.Admins(name) is { } admins) return AdminsFile(admins, $"NetTui cannot add {address} to it");
            if (NetplanConfig.Find(own, name) is { } found)
            {
                NetplanObjects.AddAddress(found.Body, address);
                return Done($" ({address} on {name})");
            }
            if (host.FindLink(name) is { Kind: not (LinkKind.Ethernet or LinkKind.Veth) } soft)
                return Runtime($"{soft.Name} itself is in no netplan file; make it persistent first (nettui persist make {soft.Name})");
            var eth = new YamlMapping();
            NetplanObjects.AddAddress(eth, address);
            Network.MapOrNew("ethernets").Set(name, eth);
            return Done($" ({address} on {name})");
        }

        public PersistentPlan RemoveAddress(string name, IpPrefix address)
        {
            if (NetplanConfig.Find(own, name) is { } found && NetplanObjects.RemoveAddress(found.Body, address))
            {
                DropUnusedPorts();
                return Done($" ({address} removed from {name})");
            }
            if (config.Admins(name) is { } admins && NetplanObjects.Addresses(admins.Body).Any(a => a.SameAs(address)))
                return AdminsFile(admins, $"{address} comes back at boot");
            return Elsewhere($"{address} is in no netplan file: removing it at runtime is enough");
        }

        public PersistentPlan AddRoute(AddRoute r)
        {
            if (PersistentPlanner.RouteDevice(r.Dev, r.Via, host) is not { } dev) return Runtime($"no interface carries the gateway {r.Via}, so no netplan definition can hold the route");
            if (config.Admins(dev) is { } admins) return AdminsFile(admins, "NetTui cannot add the route to it");
            if (NetplanConfig.Find(own, dev) is not { } found) return Runtime($"{dev} is in no netplan file, so the route would not come back with it (nettui persist make {dev})");
            found.Body.SeqOrNew("routes").Items.Add(NetplanObjects.Route(r));
            return Done($" (route on {dev})");
        }

        public PersistentPlan DeleteRoute(DeleteRoute r)
        {
            var dest = HostQueries.ParseDestination(r.Destination);
            bool Matches(NetplanDefinition d, (YamlMapping Route, IpPrefix? To, string? Via) x) =>
                (r.Dev is null || d.Name == r.Dev) && dest is not null && x.To is { } to && to.SameAs(dest) && (r.Via is null || x.Via == r.Via);
            foreach (var d in NetplanConfig.DefinitionsOf(NetplanConfig.OwnFile, own))
                if (NetplanObjects.Routes(d.Body).FirstOrDefault(x => Matches(d, x)) is { Route: not null } hit)
                {
                    d.Body.Seq("routes")!.Items.Remove(hit.Route);
                    if (d.Body.Seq("routes")!.Items.Count == 0) d.Body.Remove("routes");
                    return Done($" (route {r.Destination} removed from {d.Name})");
                }
            var admins = config.Definitions().FirstOrDefault(d => d.HostPath != NetplanConfig.OwnFile && NetplanObjects.Routes(d.Body).Any(x => Matches(d, x)));
            return admins is not null
                ? AdminsFile(admins, $"route {r.Destination} comes back at boot")
                : Elsewhere($"route {r.Destination} is in no netplan file: deleting it at runtime is enough");
        }
    }
}
