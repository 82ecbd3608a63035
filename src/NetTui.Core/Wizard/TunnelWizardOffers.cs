using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Wizard;

/// <summary>
/// What the wizard's pickers offer, from the snapshot: this host's IPv4 addresses for the
/// underlay, and bridges with their subnets for the containers (Docker's bridge first).
/// Also the first page's checks, which need only the two underlay addresses.
/// </summary>
public static class TunnelWizardOffers
{
    public sealed record Offer(string Value, string Label);

    public static IReadOnlyList<Offer> Underlay(HostSnapshot host) =>
        [.. host.Addresses().Where(a => a.Prefix.IsV4 && a.Link.Kind != LinkKind.Loopback && !host.IsLinuxBridge(a.Link.Name))
            .Select(a => new Offer(a.Prefix.Address.ToString(), $"{a.Prefix.Address} on {a.Link.Name} (MTU {a.Link.Mtu})"))];

    /// <summary>Linux bridges with an IPv4 subnet: value "bridge subnet"; the one Docker's containers use comes first.</summary>
    public static IReadOnlyList<Offer> Bridges(HostSnapshot host)
    {
        var docker = host.Containers.Select(c => c.Bridge).FirstOrDefault(b => b is not null);
        return [.. host.Addresses().Where(a => a.Prefix.IsV4 && host.IsLinuxBridge(a.Link.Name))
            .OrderBy(a => a.Link.Name == docker ? 0 : a.Link.Name == "docker0" ? 1 : 2)
            .Select(a => new Offer($"{a.Link.Name} {a.Prefix}", $"{a.Link.Name} {a.Prefix}{(a.Link.Name == docker || a.Link.Name == "docker0" ? " (Docker's bridge)" : "")}"))];
    }

    /// <summary>The first page: both addresses parse, this host has the local one, and a route reaches the peer.</summary>
    public static IReadOnlyList<ValueError> CheckUnderlay(TunnelWizardInput input, HostSnapshot host)
    {
        var errors = new List<ValueError>();
        foreach (var (text, field) in new[] { (input.LocalUnderlay, "local-underlay"), (input.PeerUnderlay, "peer-underlay") })
        {
            var p = IpAddress.Parse(text, field);
            if (!p.Ok) errors.Add(p.Error!);
            else if (!p.Get().IsV4) errors.Add(new(field, $"{p.Get()} is IPv6; the wizard's tunnels run over IPv4"));
        }
        if (errors.Count > 0) return errors;
        var local = IpAddress.Parse(input.LocalUnderlay).Get().Value;
        var peer = IpAddress.Parse(input.PeerUnderlay).Get().Value;
        if (!host.Addresses().Any(a => a.Prefix.Address.Equals(local)))
            errors.Add(new("local-underlay", $"{local} is not an address of this host"));
        if (local.Equals(peer)) errors.Add(new("peer-underlay", "the peer's underlay address is this host's"));
        else if (TunnelWizardChecks.RouteTo(host, peer) is null) errors.Add(new("peer-underlay", $"this host has no route to {peer}"));
        return errors;
    }
}
