using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Values;
using static NetTui.Core.Persisting.PersistentPlan;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>
/// ifupdown (Debian's /etc/network/interfaces) as a backend. A new object gets its own file,
/// /etc/network/interfaces.d/nettui-NAME; an object an admin's stanza already defines is
/// edited in that stanza, line by line (<see cref="LineEdits"/>), never defined twice. The
/// runtime change is made by the operation's own commands; the files bring it back at boot
/// (networking.service runs `ifup -a`). Deletes of NetTui's files remove them.
/// </summary>
public sealed class IfupdownBackend(BackendChoice choice) : IPersistenceBackend
{
    public PersistenceBackendKind Kind => PersistenceBackendKind.Ifupdown;

    public bool CanPersist(Operation op) => op is CreateBridge or DeleteBridge or AttachToBridge or DetachFromBridge
        or AddAddress or RemoveAddress or AddRoute or DeleteRoute or CreateIpTunnel or DeleteIpTunnel or CreateVxlan or DeleteVxlan
        or CreateOvsBridge or DeleteOvsBridge or AddOvsPort or AddOvsGrePort or AddOvsVxlanPort or DeleteOvsPort;

    public IEnumerable<string> FilesToRead(Operation op) => Names(op).Select(n => choice.Rooted(IfupdownConfig.OwnFile(n)));

    private static IEnumerable<string> Names(Operation op) => op switch
    {
        CreateBridge c => [c.Name],
        DeleteBridge d => [d.Name],
        CreateIpTunnel t => [t.Name],
        DeleteIpTunnel t => [t.Name],
        CreateVxlan v => [v.Name],
        CreateOvsBridge c => [c.Name],
        DeleteOvsBridge d => [d.Name],
        AddOvsPort p => [p.Bridge],
        AddOvsGrePort g => [g.Bridge],
        AddOvsVxlanPort v => [v.Bridge],
        DeleteOvsPort d => [d.Bridge],
        DeleteVxlan v => [v.Name],
        AddAddress a => [a.Interface],
        RemoveAddress r => [r.Interface],
        AttachToBridge a => [a.Bridge],
        AddRoute { Dev: { } dev } => [dev],
        DeleteRoute { Dev: { } dev } => [dev],
        _ => [],
    };

    private IfupdownConfig Config(Operation op, OperationContext ctx) => new(choice, ctx, FilesToRead(op));

    public IEnumerable<ValueError> Problems(OperationContext ctx) =>
        new IfupdownConfig(choice, ctx, []).Errors().Select(e => new ValueError("ifupdown", e + "; nothing was written"));

    public PersistentPlan Plan(Operation op, HostSnapshot host, OperationContext ctx)
    {
        if (op is CreateOvsBridge or DeleteOvsBridge or AddOvsPort or AddOvsGrePort or AddOvsVxlanPort or DeleteOvsPort) return PlanOvs(op, ctx);
        if (PersistenceBackends.NotAFileBackendsJob(op, host) is { } elsewhere) return elsewhere;
        var config = Config(op, ctx);
        if (config.Errors().FirstOrDefault() is { } error) return Runtime($"ifupdown's files cannot be read: {error}");
        var label = op switch
        {
            CreateBridge c => CreateNew(config, c.Name, () => StanzaText.Bridge(c), s => EditBridge(config, s, c)),
            CreateIpTunnel t => CreateNew(config, t.Name, () => StanzaText.Tunnel(t), _ => null),
            DeleteBridge d => Delete(config, d.Name),
            DeleteIpTunnel t => Delete(config, t.Name),
            CreateVxlan v => CreateNew(config, v.Name, () => StanzaText.Vxlan(v), _ => null),
            DeleteVxlan v => Delete(config, v.Name),
            AttachToBridge a => Attach(config, a),
            DetachFromBridge d => Detach(config, d),
            AddAddress a => PlanAddAddress(config, a, host),
            RemoveAddress r => Edit(config, r.Interface, (f, s, e) => StanzaEdits.RemoveAddress(f, s, e, IpPrefix.Parse(r.Address).Get())),
            AddRoute r => PlanAddRoute(config, r, host),
            DeleteRoute r => PlanDeleteRoute(config, r, host),
            _ => Runtime($"NetTui does not persist \"{op.Describe()}\" with ifupdown"),
        };
        if (label.RuntimeReason is not null) return label;
        var steps = config.Steps().ToList();
        return steps.Count == 0 ? Elsewhere(label.Label) : Files(label.Label, steps);
    }

    private const string Persistent = "persistent: ifupdown";

    /// <summary>OVS objects: OVSDB keeps them; Debian's ovs_type stanzas make them again at boot too (<see cref="OvsStanzas"/>).</summary>
    private PersistentPlan PlanOvs(Operation op, OperationContext ctx)
    {
        var config = Config(op, ctx);
        if (config.Errors().FirstOrDefault() is { } error) return Runtime($"ifupdown's files cannot be read: {error}");
        var label = OvsStanzas.Plan(config, op);
        if (label.RuntimeReason is { Length: > 0 }) return label;
        var steps = config.Steps().ToList();
        return steps.Count == 0 ? Elsewhere(label.Label) : Files(label.Label, steps);
    }

    /// <summary>A new object: NetTui's own file (and the source line if interfaces does not read it), or the admin's stanza edited.</summary>
    private static PersistentPlan CreateNew(IfupdownConfig config, string name, Func<string> text, Func<(InterfacesFile File, Stanza Stanza), PersistentPlan?> edit)
    {
        if (config.StanzaFor(name) is { } found)
            return edit(found) ?? Runtime($"{found.File.Path} already defines {name}; NetTui does not define it twice");
        var own = IfupdownConfig.OwnFile(name);
        config.Set(own, text());
        if (!config.Sourced(own))
        {
            var main = config.File(IfupdownConfig.Interfaces);
            config.Set(IfupdownConfig.Interfaces, main is null ? IfupdownConfig.SourceLine + "\n" : new LineEdits(main).Append(IfupdownConfig.SourceLine).Build());
        }
        return Files($"{Persistent}, {own}", []);
    }

    private static PersistentPlan? EditBridge(IfupdownConfig config, (InterfacesFile File, Stanza Stanza) found, CreateBridge c)
    {
        var (file, s) = found;
        var e = new LineEdits(file);
        var have = s.Options.Select(StanzaText.AddressOf).OfType<IpPrefix>().ToList();
        foreach (var a in (c.Address is null ? c.MoreAddresses : [c.Address, .. c.MoreAddresses]).Select(a => IpPrefix.Parse(a).Get()).Where(a => !have.Contains(a)))
            e.AddOption(s, StanzaText.AddressUp(c.Name, a));
        foreach (var port in c.Ports) StanzaEdits.AddPort(file, s, e, port);
        foreach (var r in c.Routes) e.AddOption(s, StanzaText.RouteUp(r, c.Name));
        if (!config.BroughtUp(c.Name)) e.InsertAfter(s.Last, $"auto {c.Name}");
        config.Set(config.HostPathOf(file.Path), e.Build());
        return Files($"{Persistent}, the stanza of {c.Name} in {file.Path}", []);
    }

    private static PersistentPlan Delete(IfupdownConfig config, string name)
    {
        var own = IfupdownConfig.OwnFile(name);
        if (config.Text(own) is not null && config.File(own)!.Stanzas.All(s => s.Name == name))
        {
            config.Set(own, null);
            return Files($"{Persistent}, {own} removed", []);
        }
        if (config.StanzaFor(name) is not { } found) return Elsewhere($"{name} is in no ifupdown stanza: deleting it at runtime is enough");
        var e = new LineEdits(found.File);
        StanzaEdits.RemoveStanza(found.File, name, e);
        config.Set(config.HostPathOf(found.File.Path), e.Build());
        return Files($"{Persistent}, the stanza of {name} removed from {found.File.Path}", []);
    }

    /// <summary>Edits the stanza of <paramref name="name"/>; without one, the object is runtime only and so is this change.</summary>
    private static PersistentPlan Edit(IfupdownConfig config, string name, Func<InterfacesFile, Stanza, LineEdits, string?> edit)
    {
        if (config.StanzaFor(name) is not { } found) return Elsewhere($"{name} is in no ifupdown stanza: changing it at runtime is enough");
        var e = new LineEdits(found.File);
        if (edit(found.File, found.Stanza, e) is { } nothing) return Elsewhere(nothing);
        config.Set(config.HostPathOf(found.File.Path), e.Build());
        return Files($"{Persistent}, the stanza of {name} in {found.File.Path}", []);
    }

    private static PersistentPlan Attach(IfupdownConfig config, AttachToBridge a) =>
        config.StanzaFor(a.Bridge) is null
            ? Runtime($"bridge {a.Bridge} has no ifupdown stanza; make it persistent first (nettui persist make {a.Bridge})")
            : Edit(config, a.Bridge, (f, s, e) => { StanzaEdits.AddPort(f, s, e, a.Interface); return null; });

    private static PersistentPlan Detach(IfupdownConfig config, DetachFromBridge d)
    {
        var bridge = config.Files().SelectMany(f => f.Stanzas).FirstOrDefault(s => StanzaEdits.Ports(s).Contains(d.Interface));
        return bridge is null
            ? Elsewhere($"{d.Interface} is a port in no ifupdown stanza: detaching it at runtime is enough")
            : Edit(config, bridge.Name, (f, s, e) => StanzaEdits.RemovePort(f, s, e, d.Interface));
    }

    private static PersistentPlan PlanAddAddress(IfupdownConfig config, AddAddress a, HostSnapshot host)
    {
        var prefix = IpPrefix.Parse(a.Address).Get();
        if (config.StanzaFor(a.Interface) is not null)
            return Edit(config, a.Interface, (f, s, e) => { e.AddOption(s, StanzaText.AddressUp(a.Interface, prefix)); return null; });
        if (host.FindLink(a.Interface) is { Kind: not (LinkKind.Ethernet or LinkKind.Veth) } soft)
            return Runtime($"{soft.Name} itself is runtime only (no ifupdown stanza); make it persistent first (nettui persist make {soft.Name})");
        return CreateNew(config, a.Interface, () => StanzaText.Plain(a.Interface, [StanzaText.AddressUp(a.Interface, prefix)]), _ => null);
    }

    private static PersistentPlan PlanAddRoute(IfupdownConfig config, AddRoute r, HostSnapshot host)
    {
        var dev = PersistentPlanner.RouteDevice(r.Dev, r.Via, host);
        if (dev is null) return Runtime($"no interface carries the gateway {r.Via}, so no stanza can hold the route");
        if (config.StanzaFor(dev) is null) return Runtime($"{dev} has no ifupdown stanza, so the route would not come back with it (nettui persist make {dev})");
        return Edit(config, dev, (f, s, e) => { e.AddOption(s, StanzaText.RouteUp(r, dev)); return null; });
    }

    private static PersistentPlan PlanDeleteRoute(IfupdownConfig config, DeleteRoute r, HostSnapshot host)
    {
        var dest = HostQueries.ParseDestination(r.Destination);
        var holder = config.Files().SelectMany(f => f.Stanzas)
            .FirstOrDefault(s => (r.Dev is null || s.Name == r.Dev) && StanzaEdits.RouteLine(s, dest, r.Via) is not null);
        return holder is null
            ? Elsewhere($"route {r.Destination} is in no ifupdown stanza: deleting it at runtime is enough")
            : Edit(config, holder.Name, (f, s, e) => { e.Remove(StanzaEdits.RouteLine(s, dest, r.Via)!.Line); return null; });
    }
}
