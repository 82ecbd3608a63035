using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Backends;

/// <summary>
/// `persist make IFACE` on a host configured by files (ifupdown, netplan, networkd): the
/// backend's files for a runtime-only interface as it is now, and nothing run (the object is
/// there already). Always wrapped in a <see cref="PersistedOperation"/> with its backend, which
/// plans it as the operations that would make the interface now (<see cref="AsMade"/>: a bridge
/// with its addresses, ports and static routes; a VXLAN or GRE tunnel; addresses and routes on
/// a NIC or veth), chained file by file. <see cref="Forget"/>: the inverse, whose files the
/// wrapper puts back as they were.
/// </summary>
public sealed record KeepAtBoot(string Interface, bool Forget = false) : Operation
{
    public const string KindName = "persist.files";
    public override string Kind => KindName;

    public override string Describe() => Forget ? $"stop bringing {Interface} back at boot (its configuration files as they were)" : $"make {Interface} persistent (configuration files)";

    public override IReadOnlyList<ValueError> CheckFields() => new MakePersistent(Interface).CheckFields();

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (Forget) yield break;
        var link = host.FindLink(Interface);
        if (link is null) yield return new("interface", $"there is no interface {Interface}");
        else if (DockerOwned.Is(host, Interface)) yield return new("interface", DockerOwned.Reason(Interface));
        else if (link.Persistence is { Where: not (PersistenceKind.RuntimeOnly or PersistenceKind.Kernel) } kept)
            yield return new("interface", $"{Interface} is kept already ({kept})");
        else if (link.Kind is not (LinkKind.Bridge or LinkKind.Ethernet or LinkKind.Veth or LinkKind.Vxlan or LinkKind.Gre or LinkKind.Gretap))
            yield return new("interface", $"{Interface} is a {HostQueries.KindWord(link)}; NetTui writes files for bridges, VXLAN and GRE tunnels, and addresses of ethernet and veth interfaces");
    }

    /// <summary>Nothing runs: the interface is there; the wrapper writes the files.</summary>
    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx) => [];

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => this with { Forget = !Forget };

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        Forget || after.FindLink(Interface) is not null ? [] : [$"{Interface} is gone"];

    /// <summary>The operations that would make the interface as it is now (what its files must say).</summary>
    public IReadOnlyList<Operation> AsMade(HostSnapshot host, OperationContext ctx)
    {
        var link = host.FindLink(Interface)!;
        var routes = host.Routes.Where(r => r.Device == Interface && r.Protocol is not ("kernel" or "ra" or "dhcp") && r.Type is "unicast" or ""
                                            && HostQueries.IsMainTable(r.Table)).Select(DeleteRoute.FromModel).ToList();
        var addresses = PersistentPlanner.LiveAddresses(link).Select(a => new AddAddress(Interface, a.ToString())).ToList();
        switch (link.Kind)
        {
            case LinkKind.Bridge:
                var bridge = (CreateBridge)new DeleteBridge(Interface).Inverse(host, ctx);
                // OVS internal ports are OVS's (attached at boot by a unit, not by these files).
                return [bridge with { Ports = [.. bridge.Ports.Where(p => host.FindLink(p)?.Kind != LinkKind.OvsInternal)], Routes = [.. routes] }];
            case LinkKind.Vxlan:
                return [new DeleteVxlan(Interface).Inverse(host, ctx), .. addresses, .. routes];
            case LinkKind.Gre or LinkKind.Gretap:
                return [new DeleteIpTunnel(Interface).Inverse(host, ctx), .. addresses, .. routes];
            default:
                return [.. addresses, .. routes];
        }
    }

    /// <summary>
    /// The backend's plan for the interface: each operation of <see cref="AsMade"/> planned on the
    /// files as the previous ones leave them; one write per file (from its text now to the last),
    /// and the last checks. The first that the backend does not hold makes the whole runtime only.
    /// </summary>
    public PersistentPlan PlanWith(IPersistenceBackend backend, HostSnapshot host, OperationContext ctx)
    {
        var original = ctx;
        var written = new Dictionary<string, FileWriteStep>(StringComparer.Ordinal);
        var labels = new List<string>();
        ImmutableArray<PlanStep> checks = [];
        foreach (var op in AsMade(host, ctx))
        {
            var p = backend.Plan(op, host, ctx);
            if (!p.Persistent) return PersistentPlan.Runtime($"{op.Describe()}: {p.RuntimeReason}");
            if (p.RuntimeReason == "") continue; // nothing to write for it
            labels.Add(p.Label);
            if (!p.Checks.IsEmpty) checks = p.Checks;
            foreach (var f in p.Steps.OfType<FileWriteStep>())
            {
                written[f.Path] = f;
                ctx = ctx.WithFile(f.Path, f.RemoveFile ? null : f.Content);
            }
        }
        if (written.Count == 0) return PersistentPlan.Runtime($"{backend.Kind} has nothing to hold for {Interface}");
        var steps = written.Values.Select(f => (original.FileText(f.Path) is var before && before == (f.RemoveFile ? null : f.Content))
            ? null
            : f with { Previous = before, Description = before is null ? $"write {f.Path}" : $"edit {f.Path}" }).OfType<FileWriteStep>();
        return PersistentPlan.Files(labels[0], steps) with { Checks = checks };
    }
}
