using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Trace;

/// <summary>
/// Pure: finds where a trace starts from what the admin typed: a container name (its first
/// IPv4 endpoint and the bridge it is on) or an address (the host's own, or one inside a
/// subnet on one of its devices: that device, or its bridge, is where the packet comes in).
/// </summary>
public static class TraceSources
{
    public static Parsed<TraceSource> Resolve(HostSnapshot s, string from)
    {
        var container = s.Containers.FirstOrDefault(c => c.Name == from || c.Id.StartsWith(from, StringComparison.Ordinal) && from.Length >= 6);
        if (container is not null)
        {
            var endpoint = container.Networks.FirstOrDefault(n => n.IpAddress is not null && IPAddress.TryParse(n.IpAddress, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
            if (endpoint is null || container.State != "running")
                return Parsed<TraceSource>.Fail("FROM", $"container {from} has no IPv4 address (is it running?)");
            var network = s.DockerNetworks.FirstOrDefault(n => endpoint.NetworkId is not null && n.Id == endpoint.NetworkId)
                ?? s.DockerNetworks.FirstOrDefault(n => n.Name == endpoint.Name);
            var bridge = container.Bridge ?? network?.Device;
            return Parsed<TraceSource>.Success(new($"container {container.Name}", IPAddress.Parse(endpoint.IpAddress!), bridge, container, network));
        }
        var parsed = IpAddress.Parse(from, "FROM");
        if (!parsed.Ok) return Parsed<TraceSource>.Fail("FROM", $"'{InterfaceName.Printable(from)}' is neither a container here nor an address");
        var address = parsed.Get().Value;
        foreach (var link in s.Links)
            foreach (var a in link.Addresses)
                if (IPAddress.TryParse(a.Address, out var own) && own.Equals(address))
                    return Parsed<TraceSource>.Success(new($"this host ({link.Name})", address, null, null, null));
        var on = s.Links.FirstOrDefault(l => l.Addresses.Any(a => IPAddress.TryParse(a.Address, out var x) && IpPrefix.Of(x, a.PrefixLength).Contains(address)));
        if (on is null) return Parsed<TraceSource>.Fail("FROM", $"{address} is on none of this host's subnets");
        var net = s.DockerNetworks.FirstOrDefault(n => n.Device == on.Name);
        return Parsed<TraceSource>.Success(new($"{address} behind {on.Name}", address, on.Name, null, net));
    }
}
