using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting;

/// <summary>
/// "Make persistent": a runtime-only interface (a bridge from `brctl addbr` + `ifconfig`, an
/// address on a NIC or veth) gets the NetworkManager profile that builds it as it is now:
/// its global addresses, its static routes and, for a bridge, STP and its ports (each port a
/// profile of its own, or its existing profile made a port). Activating the profile on the
/// existing device lets NetworkManager take it over in place (no delete and re-create).
/// </summary>
public sealed record MakePersistent(string Interface) : Operation
{
    public const string KindName = "persist.make";
    public override string Kind => KindName;

    public override string Describe() => $"make {Interface} persistent (NetworkManager profile)";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Interface, "interface"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var link = host.FindLink(Interface);
        if (link is null) { yield return new("interface", $"there is no interface {Interface}"); yield break; }
        // Docker's objects are refused for what they are, whether NetworkManager runs or not.
        if (DockerOwned.Is(host, Interface)) { yield return new("interface", DockerOwned.Reason(Interface)); yield break; }
        if (host.NetworkManager is not { Available: true } nm)
        {
            yield return new("interface", $"NetworkManager is not available ({host.NetworkManager?.Reason ?? "not consulted"}); nothing can be made persistent");
            yield break;
        }
        if (nm.ProfileFor(Interface) is { } p)
            yield return nm.ProfilesFor(Interface).Any(x => x.BroughtUpAtBoot)
                ? new("interface", $"{Interface} already persists in NetworkManager profile {p.Id}")
                : new("interface", $"{Interface} has NetworkManager profile {p.Id}, which does not come up at boot; nmcli connection modify {p.Id} connection.autoconnect yes makes it");
        else if (link.Persistence is { Where: PersistenceKind.Ovsdb or PersistenceKind.Docker } other)
            yield return new("interface", $"{Interface} is kept by {other}; NetworkManager must not take it over");
        else if (link.Kind is not (LinkKind.Bridge or LinkKind.Ethernet or LinkKind.Veth or LinkKind.Tap))
            yield return new("interface", $"{Interface} is a {HostQueries.KindWord(link)}; NetTui makes profiles for bridges, ethernet, veth and tap interfaces");
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx) => Build(host, Guid.NewGuid).Steps;

    /// <summary>The steps and the preview label; <paramref name="newUuid"/> for tests.</summary>
    public PersistentPlan Build(HostSnapshot host, Func<Guid> newUuid)
    {
        RequireValid();
        var link = host.FindLink(Interface)!;
        var addresses = PersistentPlanner.LiveAddresses(link).ToList();
        var routes = PersistentPlanner.LiveRoutes(host, Interface).ToList();
        if (link.Kind == LinkKind.Bridge)
        {
            var bridge = new CreateBridge(Interface, Stp: host.FindBridge(Interface)?.StpEnabled ?? false)
            {
                MoreAddresses = [.. addresses.Select(a => a.ToString())],
                Ports = [.. host.Links.Where(l => l.Master == Interface && l.Kind != LinkKind.OvsInternal).Select(l => l.Name)],
                Routes = [.. routes.Select(r => new AddRoute(r.Destination.ToString(), r.NextHop, Interface, r.Metric?.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            };
            var p = PersistentPlanner.Plan(bridge, host, newUuid);
            var ovsPorts = host.Links.Where(l => l.Master == Interface && l.Kind == LinkKind.OvsInternal).Select(l => l.Name).ToList();
            var label = p.Label + (ovsPorts.Count > 0 ? $"; OVS internal port(s) {string.Join(", ", ovsPorts)} stay runtime-only ports" : "")
                        + "; NetworkManager takes the existing bridge over in place";
            return p with { Steps = [new NoteStep(label), .. p.Steps], Label = label };
        }
        var type = link.Kind == LinkKind.Tap ? ProfileBuilder.TunType : ProfileBuilder.EthernetType;
        var settings = ProfileBuilder.Addresses(Interface, newUuid(), type, addresses, routes);
        var l2 = $"persistent: new profile {settings.Id} with {addresses.Count} address(es) and {routes.Count} route(s)";
        return PersistentPlan.Nm(l2, [
            new NoteStep(l2),
            new NetworkManagerStep($"save profile {settings.Id}", new AddProfile(settings), [new DeleteProfile(settings.Uuid, settings.Id)]),
            new NetworkManagerStep($"activate {settings.Id} on {Interface}", new ActivateProfile(settings.Uuid, settings.Id, Interface), [new DeactivateProfile(settings.Uuid, settings.Id)]),
        ]);
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new ForgetProfiles(Interface);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var diffs = new List<string>();
        var link = after.FindLink(Interface);
        if (link is null) return [$"{Interface} is gone after NetworkManager took it over"];
        if (after.NetworkManager?.ProfileFor(Interface) is null) diffs.Add($"no NetworkManager profile for {Interface}");
        return diffs;
    }
}

/// <summary>
/// The inverse of <see cref="MakePersistent"/>: deletes NetTui's profiles for the interface
/// (and NetTui's port profiles of it). NetworkManager then stops managing the device; a
/// bridge it had taken over may be taken down with the profile (that is NetworkManager's call).
/// </summary>
public sealed record ForgetProfiles(string Interface) : Operation
{
    public const string KindName = "persist.forget";
    public override string Kind => KindName;
    public override bool IsDestructive => true;
    public override string Describe() => $"delete NetTui's NetworkManager profiles of {Interface}";

    public override IReadOnlyList<ValueError> CheckFields() => new MakePersistent(Interface).CheckFields();

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.NetworkManager is not { Available: true }) yield return new("interface", "NetworkManager is not available");
        else if (!Mine(host).Any()) yield return new("interface", $"{Interface} has no profile made by NetTui");
    }

    private IEnumerable<NmProfile> Mine(HostSnapshot host)
    {
        var nm = host.NetworkManager!;
        var own = nm.ProfilesFor(Interface).Where(p => p.Managed).ToList();
        var refs = own.Select(p => p.Uuid).Append(Interface).ToHashSet(StringComparer.Ordinal);
        return nm.Profiles.Where(p => p.Managed && p.Master is not null && refs.Contains(p.Master)).Concat(own);
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx) =>
        [.. Mine(host).Select(p => new NetworkManagerStep($"delete profile {p.Id}", new DeleteProfile(p.Uuid, p.Id),
            p.Settings is null ? [] : [new AddProfile(p.Settings), new ActivateProfile(p.Uuid, p.Id, p.Type is ProfileBuilder.BridgeType or ProfileBuilder.IpTunnelType ? null : p.InterfaceName)]))];

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new MakePersistent(Interface);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        after.NetworkManager?.ProfilesFor(Interface).Any(p => p.Managed) == true ? [$"a NetTui profile for {Interface} is still there"] : [];
}
