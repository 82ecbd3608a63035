using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Wizard;

/// <summary>
/// The wizard's checks that span operations: overlapping subnets, the underlay address and
/// its MTU, the route to the peer, and names that are taken. Each adds errors by input field.
/// </summary>
internal static class TunnelWizardChecks
{
    /// <summary>The two container subnets must not overlap each other or hold either underlay address.</summary>
    public static IEnumerable<ValueError> Overlaps(TunnelWizardFields f)
    {
        if (f.LocalSubnet.Overlaps(f.PeerSubnet))
            yield return new("peer-subnet", $"{f.PeerSubnet} overlaps this host's container subnet {f.LocalSubnet}: each side needs its own subnet so routes can tell them apart");
        foreach (var (subnet, field) in new[] { (f.LocalSubnet, "local-subnet"), (f.PeerSubnet, "peer-subnet") })
            foreach (var (addr, which) in new[] { (f.LocalUnderlay, "this host's underlay address"), (f.PeerUnderlay, "the peer's underlay address") })
                if (subnet.Contains(addr))
                    yield return new(field, $"{subnet} holds {which} {addr}: the tunnel's own packets would be routed into the tunnel");
    }

    /// <summary>The link holding the local underlay address (its MTU bounds the tunnel); adds an error if this host has no such address.</summary>
    public static Link? Underlay(TunnelWizardFields f, HostSnapshot host, List<ValueError> errors)
    {
        var found = host.Addresses().FirstOrDefault(a => a.Prefix.Address.Equals(f.LocalUnderlay));
        if (found.Link is null)
        {
            var offers = UnderlayOffers(host).Take(5).ToList();
            errors.Add(new("local-underlay", $"{f.LocalUnderlay} is not an address of this host" +
                (offers.Count == 0 ? "" : $" (it has {string.Join(", ", offers)})")));
            return null;
        }
        foreach (var (subnet, field) in new[] { (f.LocalSubnet, "local-subnet"), (f.PeerSubnet, "peer-subnet") })
            if (found.Prefix.PrefixLength > 0 && subnet.Overlaps(found.Prefix))
                errors.Add(new(field, $"{subnet} overlaps the underlay subnet {found.Prefix.Network} on {found.Link.Name}"));
        return found.Link;
    }

    /// <summary>IPv4 addresses a tunnel could start from: global scope, not on a bridge the wizard would make.</summary>
    public static IEnumerable<string> UnderlayOffers(HostSnapshot host) =>
        host.Addresses().Where(a => a.Prefix.IsV4 && !IPAddress.IsLoopback(a.Prefix.Address) && a.Link.Kind != LinkKind.Loopback)
            .Select(a => $"{a.Prefix.Address} on {a.Link.Name}");

    /// <summary>The route this host would use for the peer's underlay address (longest prefix, main table); null if none.</summary>
    public static Route? RouteTo(HostSnapshot host, IPAddress peer)
    {
        Route? best = null;
        var bestLen = -1;
        foreach (var r in host.Routes)
        {
            if (r.Family != Model.AddressFamily.Inet || !HostQueries.IsMainTable(r.Table) || r.Type is not ("unicast" or "")) continue;
            var d = HostQueries.ParseDestination(r.Destination);
            if (d is null || !d.Contains(peer) || d.PrefixLength <= bestLen) continue;
            best = r;
            bestLen = d.PrefixLength;
        }
        return best;
    }

    public static void PeerReachable(TunnelWizardFields f, TunnelWizardInput input, HostSnapshot host, List<ValueError> errors)
    {
        var route = RouteTo(host, f.PeerUnderlay);
        if (route is null)
        {
            errors.Add(new("peer-underlay", $"this host has no route to {f.PeerUnderlay}: add one (or an address in its subnet) before making the tunnel"));
            return;
        }
        if (route.Device is { } dev && (dev == input.Bridge || dev == input.PortName || dev == input.OvsBridge))
            errors.Add(new("peer-underlay", $"the route to {f.PeerUnderlay} goes through {dev}, which the tunnel itself uses"));
    }

    /// <summary>
    /// Names must be free, or already exactly right. Returns true when the Linux bridge exists
    /// with the wanted address (Docker's bridge, say) and is used as it is.
    /// </summary>
    public static bool Names(TunnelWizardFields f, TunnelWizardInput input, HostSnapshot host, List<ValueError> errors)
    {
        var reuse = false;
        if (host.FindLink(input.Bridge) is { } br)
        {
            if (br.Kind != LinkKind.Bridge)
                errors.Add(new("bridge", $"{input.Bridge} is taken by a {HostQueries.KindWord(br)}"));
            else if (br.Addresses.Any(a => IpPrefix.Parse(a.Cidr) is { Ok: true } p && p.Get().SameAs(f.LocalBridgeAddress)))
                reuse = true;
            else
                errors.Add(new("bridge", $"bridge {input.Bridge} exists without {f.LocalBridgeAddress}" +
                    (br.Addresses.Any(a => a.Family == Model.AddressFamily.Inet) ? $" (it has {string.Join(", ", br.Addresses.Where(a => a.Family == Model.AddressFamily.Inet).Select(a => a.Cidr))})" : "") +
                    "; pick another name or its subnet"));
        }
        else if (host.FindOvsBridge(input.Bridge) is not null)
            errors.Add(new("bridge", $"{input.Bridge} is an Open vSwitch bridge; the containers need a Linux bridge"));

        // Another interface already answering for the container subnet would split it in two.
        foreach (var (link, p) in host.Addresses())
            if (link.Name != input.Bridge && p.IsV4 && p.PrefixLength > 0 && p.Overlaps(f.LocalSubnet))
                errors.Add(new("local-subnet", $"{f.LocalSubnet} overlaps {p.Network} on {link.Name}"));
            else if (p.IsV4 && p.PrefixLength > 0 && p.Overlaps(f.PeerSubnet))
                errors.Add(new("peer-subnet", $"{f.PeerSubnet} overlaps {p.Network} on {link.Name}: this host could not route to the peer's containers"));

        var port = input.PortName;
        if (input.Kind.IsOvs())
        {
            if (host.OvsUnavailable() is { } why) errors.Add(new("kind", $"an OVS tunnel needs Open vSwitch: {why}"));
            if (host.FindOvsBridge(input.OvsBridge) is not null) errors.Add(new("ovs-bridge", $"OVS bridge {input.OvsBridge} already exists"));
            else if (host.FindLink(input.OvsBridge) is { } l) errors.Add(new("ovs-bridge", $"{input.OvsBridge} is taken by a {HostQueries.KindWord(l)}"));
            if (host.FindOvsPort(port) is { } owner) errors.Add(new("port", $"port {port} already exists on OVS bridge {owner.Bridge.Name}"));
        }
        if (host.FindLink(port) is { } taken) errors.Add(new("port", $"{port} is taken by a {HostQueries.KindWord(taken)}"));

        var dev = input.Kind == TunnelKind.Gre ? port : input.Bridge;
        if (host.Routes.FirstOrDefault(r => HostQueries.IsMainTable(r.Table) && HostQueries.ParseDestination(r.Destination) is { } d && d.SameAs(f.PeerSubnet)) is { } existing)
            errors.Add(new("peer-subnet", $"a route to {f.PeerSubnet} already exists ({(existing.Gateway is null ? $"dev {existing.Device}" : $"via {existing.Gateway}")}); the tunnel needs it dev {dev}"));
        return reuse;
    }
}
