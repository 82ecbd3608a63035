using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>The checks every tunnel (GRE, VXLAN, kernel or OVS) makes of its remote and local endpoints.</summary>
internal static class TunnelEndpoints
{
    /// <summary>Loopback, any and broadcast can never be the far end of a tunnel.</summary>
    public static bool Unusable(IpAddress remote) =>
        IPAddress.IsLoopback(remote.Value) || remote.Value.Equals(IPAddress.Any) || remote.Value.Equals(IPAddress.Broadcast) || remote.Value.Equals(IPAddress.IPv6Any);

    /// <summary>Field checks of a remote/local pair: same IP version, not the same address, a usable remote.</summary>
    public static void CheckPair(FieldCheck c, IpAddress? remote, IpAddress? local)
    {
        if (remote is not null && local is not null)
        {
            if (remote.IsV4 != local.IsV4) c.Add("local", $"{local} and remote {remote} are not the same IP version");
            else if (remote.Value.Equals(local.Value)) c.Add("remote", $"remote and local are the same address ({remote})");
        }
        if (remote is not null && Unusable(remote)) c.Add("remote", $"{remote} cannot be a tunnel endpoint");
    }

    /// <summary>What else a deleted tunnel device takes with it: its bridge's link to the peer, routes through it.</summary>
    public static IEnumerable<string> DeleteConsequences(HostSnapshot host, string name, string peer)
    {
        if (host.FindLink(name)?.Master is { } bridge) yield return $"{name} leaves bridge {bridge} (its traffic to {peer} stops)";
        foreach (var r in host.Routes.Where(r => r.Device == name && r.Protocol != "kernel"))
            yield return $"route {r.Destination} through {name} is removed";
    }

    /// <summary>The remote must be the peer, not one of this host's own addresses.</summary>
    public static ValueError? RemoteIsNotMine(HostSnapshot host, string remote, string field = "remote")
    {
        var r = IpAddress.Parse(remote).Get().Value;
        return host.Addresses().FirstOrDefault(a => a.Prefix.Address.Equals(r)) is { Link: not null } mine
            ? new(field, $"{r} is an address of this host (on {mine.Link.Name}); give the peer's address")
            : null;
    }

    /// <summary>The local endpoint must be one of this host's addresses.</summary>
    public static ValueError? LocalIsMine(HostSnapshot host, string? local, string field = "local")
    {
        if (local is null) return null;
        var l = IpAddress.Parse(local).Get().Value;
        return host.Addresses().Any(a => a.Prefix.Address.Equals(l)) ? null : new(field, $"{l} is not an address of this host");
    }

    /// <summary>
    /// OVS tells tunnel ports of a type apart by a few options (GRE: remote, local, key; VXLAN also
    /// the UDP port): a second port with the same ones gets an error row. The existing one, if any.
    /// </summary>
    public static (string Bridge, string Port)? SameTunnel(HostSnapshot host, string type, IReadOnlyDictionary<string, string> wanted, params string[] keys)
    {
        foreach (var b in host.Ovs?.Bridges ?? [])
            foreach (var i in b.Ports.SelectMany(p => p.Interfaces).Where(i => i.Type == type))
                if (keys.All(k => i.Options.GetValueOrDefault(k) == wanted.GetValueOrDefault(k)))
                    return (b.Name, i.Name);
        return null;
    }
}
