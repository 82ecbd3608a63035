using System.Collections.Immutable;
using NetTui.Core.Model;
using AddressFamily = NetTui.Core.Model.AddressFamily;

namespace NetTui.UnitTests.Operations;

/// <summary>Builds snapshots for operation tests: a host with eth0 (10.0.0.5/24) and loopback, OVS answering.</summary>
internal static class TestHost
{
    public static HostSnapshot Basic() =>
        (HostSnapshot.Empty("test", "ntl-unit") with
        {
            Ovs = new OvsState("3.1.0", []),
            Sources = [SourceStatus.Ok(SourceKind.IpRoute2, TimeSpan.Zero), SourceStatus.Ok(SourceKind.Ovs, TimeSpan.Zero)],
        })
        .WithLink("lo", LinkKind.Loopback, "127.0.0.1/8")
        .WithLink("eth0", LinkKind.Ethernet, "10.0.0.5/24")
        .WithRoute("10.0.0.0/24", null, "eth0", proto: "kernel")
        .WithRoute("default", "10.0.0.1", "eth0", proto: "static");

    public static HostSnapshot WithoutOvs(this HostSnapshot s) => s with
    {
        Ovs = null,
        Sources = [.. s.Sources.Where(x => x.Source != SourceKind.Ovs), SourceStatus.Down(SourceKind.Ovs, "database connection failed (No such file or directory)", TimeSpan.Zero)],
    };

    public static HostSnapshot WithLink(this HostSnapshot s, string name, LinkKind kind, params string[] cidrs) =>
        s.WithLink(new Link(s.Links.Length + 1, name, kind, "UP", true, 1500, "02:00:00:00:00:01", null, null, null,
            [.. cidrs.Select(Addr)]));

    public static HostSnapshot WithLink(this HostSnapshot s, Link link) =>
        s with { Links = [.. s.Links.Where(l => l.Name != link.Name), link] };

    public static HostSnapshot Update(this HostSnapshot s, string name, Func<Link, Link> change) =>
        s.WithLink(change(s.FindLink(name) ?? throw new InvalidOperationException(name)));

    public static LinkAddress Addr(string cidr)
    {
        var slash = cidr.IndexOf('/');
        var a = cidr[..slash];
        return new LinkAddress(a.Contains(':') ? AddressFamily.Inet6 : AddressFamily.Inet, a, int.Parse(cidr[(slash + 1)..]),
            a.StartsWith("fe80", StringComparison.Ordinal) ? "link" : a.StartsWith("127.", StringComparison.Ordinal) ? "host" : "global");
    }

    public static HostSnapshot WithBridge(this HostSnapshot s, string name, bool stp = false, params string[] cidrs)
    {
        s = s.WithLink(name, LinkKind.Bridge, cidrs);
        var idx = s.FindLink(name)!.Index;
        return s with { Bridges = [.. s.Bridges.Where(b => b.Name != name), new LinuxBridge(name, idx, "8000.020000000001", stp, [])] };
    }

    /// <summary>Makes <paramref name="iface"/> a port of Linux bridge <paramref name="bridge"/> (both must exist).</summary>
    public static HostSnapshot WithPort(this HostSnapshot s, string bridge, string iface)
    {
        var br = s.FindLink(bridge)!;
        s = s.Update(iface, l => l with { Master = bridge, MasterIndex = br.Index });
        var link = s.FindLink(iface)!;
        return s with
        {
            Bridges = [.. s.Bridges.Select(b => b.Name != bridge ? b : b with { Ports = b.Ports.Add(new BridgePort(iface, link.Index, "forwarding", 100, 32)) })],
        };
    }

    public static HostSnapshot WithRoute(this HostSnapshot s, string dest, string? via, string? dev, int? metric = null, string table = "main", string proto = "static") =>
        s with { Routes = s.Routes.Add(new Route(dest.Contains(':') ? AddressFamily.Inet6 : AddressFamily.Inet, dest, via, dev, proto, via is null ? "link" : "global", metric, table, "unicast")) };

    public static HostSnapshot WithOvsBridge(this HostSnapshot s, string name, string datapath = "netdev")
    {
        var local = new OvsPort(name, Guid.NewGuid().ToString(), null, [Iface(name, "internal")]);
        var ovs = s.Ovs ?? new OvsState("3.1.0", []);
        s = s with { Ovs = ovs with { Bridges = ovs.Bridges.Add(new OvsBridge(name, Guid.NewGuid().ToString(), datapath, [local])) } };
        return s.WithLink(name, LinkKind.OvsInternal);
    }

    public static HostSnapshot WithOvsPort(this HostSnapshot s, string bridge, string port, string type, params (string Key, string Value)[] options)
    {
        var iface = Iface(port, type) with { Options = options.ToImmutableSortedDictionary(o => o.Key, o => o.Value) };
        var ovs = s.Ovs!;
        return s with
        {
            Ovs = ovs with
            {
                Bridges = [.. ovs.Bridges.Select(b => b.Name != bridge ? b : b with { Ports = b.Ports.Add(new OvsPort(port, Guid.NewGuid().ToString(), null, [iface])) })],
            },
        };
    }

    public static OvsInterface Iface(string name, string type) =>
        new(name, Guid.NewGuid().ToString(), type, ImmutableSortedDictionary<string, string>.Empty, null, 1, "up", "up", ImmutableSortedDictionary<string, long>.Empty);
}
