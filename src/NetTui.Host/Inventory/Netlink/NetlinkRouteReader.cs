using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.Netlink;

/// <summary>
/// Routes of all tables, both families, straight from the kernel (RTM_GETROUTE dumps), as
/// the same <see cref="Route"/> records <see cref="IpRoute2.IpRouteParser"/> makes from
/// `ip -j route show table all`: same text for every field, same order, same omissions
/// (cloned/cache entries are not listed, as ip does not list them).
/// </summary>
public static class NetlinkRouteReader
{
    private const ushort RtmNewLink = 16, RtmGetLink = 18, RtmNewRoute = 24, RtmGetRoute = 26;
    private const byte AfInet = 2, AfInet6 = 10;
    private const ushort IflaIfname = 3, IflaExtMask = 29;
    private const uint RtextFilterSkipStats = 1 << 3;
    private const ushort RtaDst = 1, RtaOif = 4, RtaGateway = 5, RtaPriority = 6, RtaPrefsrc = 7, RtaMultipath = 9, RtaTable = 15, RtaVia = 18,
        RtaMetrics = 8, RtaCacheinfo = 12, RtaNhId = 30, RtaxMtu = 2, RtaxAdvmss = 8;
    private const byte RtnhFOnlink = 4;
    private const uint RtmFCloned = 0x200;

    /// <summary>Reads every route in <paramref name="netnsPath"/> (null: our own namespace): IPv4 first, then IPv6.</summary>
    public static ImmutableArray<Route> Read(string? netnsPath)
    {
        using var socket = NetlinkSocket.Open(netnsPath);
        var names = LinkNames(socket);
        Diagnostics.PhaseTiming.Mark("netlink: link names read");
        var routeNames = new RouteNames();
        var pool = new StringPool();
        var routes = ImmutableArray.CreateBuilder<Route>();
        Span<byte> rtmsg = stackalloc byte[12];
        foreach (var family in new[] { AfInet, AfInet6 })
        {
            rtmsg.Clear();
            rtmsg[0] = family;
            socket.Dump(RtmGetRoute, rtmsg, RtmNewRoute, payload =>
            {
                if (Parse(payload, names, routeNames, pool) is { } r) routes.Add(r);
            });
            Diagnostics.PhaseTiming.Mark($"netlink: family {family} dumped, {routes.Count} routes");
        }
        return routes.ToImmutable();
    }

    /// <summary>ifindex -> name, for "dev" (ip prints "if%u" for an index it cannot name).</summary>
    private static Dictionary<int, string> LinkNames(NetlinkSocket socket)
    {
        var names = new Dictionary<int, string>();
        // ifinfomsg, then IFLA_EXT_MASK = RTEXT_FILTER_SKIP_STATS: only names are wanted, and
        // the kernel's per-link counters were most of this dump at 2,000 links (older kernels ignore the bit).
        Span<byte> request = stackalloc byte[24];
        request.Clear();
        MemoryMarshal.Write(request[16..], (ushort)8);
        MemoryMarshal.Write(request[18..], IflaExtMask);
        MemoryMarshal.Write(request[20..], RtextFilterSkipStats);
        socket.Dump(RtmGetLink, request, RtmNewLink, payload =>
        {
            if (payload.Length < 16) return;
            var index = MemoryMarshal.Read<int>(payload[4..]);
            foreach (var (type, value) in new Attributes(payload[16..]))
                if (type == IflaIfname)
                {
                    var end = value.IndexOf((byte)0);
                    names[index] = System.Text.Encoding.UTF8.GetString(end >= 0 ? value[..end] : value);
                }
        });
        return names;
    }

    /// <summary>One RTM_NEWROUTE payload (rtmsg + attributes) as ip would print it; null for cache entries.</summary>
    internal static Route? Parse(ReadOnlySpan<byte> payload, IReadOnlyDictionary<int, string> links, RouteNames names, StringPool pool)
    {
        if (payload.Length < 12) return null;
        byte family = payload[0], dstLen = payload[1], tableByte = payload[4], protocol = payload[5], scope = payload[6], type = payload[7];
        var flags = MemoryMarshal.Read<uint>(payload[8..]);
        if ((flags & RtmFCloned) != 0) return null;

        uint table = tableByte;
        string? destination = null, gateway = null, device = null, prefSrc = null;
        int? metric = null;
        RouteDetails? details = (flags & RtnhFOnlink) != 0 ? new RouteDetails { OnLink = true } : null;
        foreach (var (attr, value) in new Attributes(payload[12..]))
        {
            switch (attr)
            {
                case RtaDst: destination = Address(family, value); break;
                case RtaGateway: gateway = pool.Get(Address(family, value)); break;
                case RtaOif when value.Length >= 4: device = Device(MemoryMarshal.Read<int>(value), links, pool); break;
                case RtaPrefsrc: prefSrc = pool.Get(Address(family, value)); break;
                case RtaPriority when value.Length >= 4: metric = (int)Math.Min(MemoryMarshal.Read<uint>(value), int.MaxValue); break;
                case RtaTable when value.Length >= 4: table = MemoryMarshal.Read<uint>(value); break;
                case RtaVia when value.Length >= 2:
                    // struct rtvia { __kernel_sa_family_t family; __u8 addr[]; }
                    gateway ??= pool.Get(Address((byte)MemoryMarshal.Read<ushort>(value), value[2..]));
                    break;
                case RtaMultipath:
                    var hops = Hops(value, family, links, pool);
                    if (hops.Length > 0)
                    {
                        gateway ??= hops[0].Gateway;
                        device ??= hops[0].Device;
                        details = (details ?? new()) with { Hops = hops };
                    }
                    break;
                case RtaNhId when value.Length >= 4: details = (details ?? new()) with { NexthopId = (int)MemoryMarshal.Read<uint>(value) }; break;
                case RtaMetrics: details = Metrics(value, details); break;
                case RtaCacheinfo when value.Length >= 12:
                    // struct rta_cacheinfo: expires (s32, in USER_HZ ticks) at offset 8; ip prints it in seconds.
                    var ticks = MemoryMarshal.Read<int>(value[8..]);
                    if (ticks != 0) details = (details ?? new()) with { Expires = ticks / UserHz };
                    break;
            }
        }
        int hostLen = family == AfInet6 ? 128 : 32;
        destination = destination is not null
            ? dstLen == hostLen ? destination : $"{destination}/{dstLen}"
            : dstLen != 0 ? $"0/{dstLen}" : "default";
        var fam = family == AfInet6 ? AddressFamily.Inet6 : AddressFamily.Inet;
        return new Route(fam, destination, gateway, device, names.Protocol(protocol), names.Scope(scope), metric,
            names.Table(table), RouteNames.Type(type), prefSrc) { Details = details };
    }

    /// <summary>The kernel's USER_HZ (clock ticks per second of rta_expires), as iproute2's get_user_hz reads it.</summary>
    private const int UserHz = 100;

    /// <summary>RTA_METRICS (nested): the route's mtu and advmss, as `ip route` prints them.</summary>
    private static RouteDetails? Metrics(ReadOnlySpan<byte> value, RouteDetails? details)
    {
        foreach (var (attr, v) in new Attributes(value))
        {
            if (v.Length < 4) continue;
            var n = (int)Math.Min(MemoryMarshal.Read<uint>(v), int.MaxValue);
            if (attr == RtaxMtu) details = (details ?? new()) with { Mtu = n };
            else if (attr == RtaxAdvmss) details = (details ?? new()) with { AdvMss = n };
        }
        return details;
    }

    /// <summary>Multipath: every hop (weight = rtnh_hops + 1, as ip prints it), in the kernel's order.</summary>
    private static ImmutableArray<RouteHop> Hops(ReadOnlySpan<byte> value, byte family, IReadOnlyDictionary<int, string> links, StringPool pool)
    {
        // struct rtnexthop { u16 len; u8 flags; u8 hops; int ifindex; } then attributes, each record 4-byte aligned.
        var hops = ImmutableArray.CreateBuilder<RouteHop>();
        while (value.Length >= 8)
        {
            var len = Math.Min((int)MemoryMarshal.Read<ushort>(value), value.Length);
            if (len < 8) break;
            var hopFlags = value[2];
            var weight = value[3] + 1;
            var device = Device(MemoryMarshal.Read<int>(value[4..]), links, pool);
            string? gateway = null;
            foreach (var (attr, v) in new Attributes(value[8..len]))
                if (attr == RtaGateway) gateway ??= pool.Get(Address(family, v));
                else if (attr == RtaVia && v.Length >= 2) gateway ??= pool.Get(Address((byte)MemoryMarshal.Read<ushort>(v), v[2..]));
            hops.Add(new RouteHop(gateway, device, weight, (hopFlags & RtnhFOnlink) != 0));
            value = value[Math.Min(NetlinkSocket.Align(len), value.Length)..];
        }
        return hops.ToImmutable();
    }

    private static string Device(int index, IReadOnlyDictionary<int, string> links, StringPool pool) =>
        links.TryGetValue(index, out var name) ? name : pool.Get($"if{index}");

    /// <summary>inet_ntop's text: dotted quad for IPv4, RFC 5952 for IPv6 (what .NET prints too).</summary>
    internal static string Address(byte family, ReadOnlySpan<byte> bytes)
    {
        if (family == AfInet && bytes.Length >= 4)
        {
            Span<char> text = stackalloc char[15];
            int n = 0;
            for (int i = 0; i < 4; i++)
            {
                if (i > 0) text[n++] = '.';
                bytes[i].TryFormat(text[n..], out var w, default, CultureInfo.InvariantCulture);
                n += w;
            }
            return new string(text[..n]);
        }
        if (family == AfInet6 && bytes.Length >= 16) return new IPAddress(bytes[..16]).ToString();
        return Convert.ToHexString(bytes);
    }

    /// <summary>Walks rtattr/nlattr records: { u16 len; u16 type; } + value, 4-byte aligned.</summary>
    internal ref struct Attributes(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;
        public Attribute Current { get; private set; }

        public readonly Attributes GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_rest.Length < 4) return false;
            var len = MemoryMarshal.Read<ushort>(_rest);
            var type = (ushort)(MemoryMarshal.Read<ushort>(_rest[2..]) & 0x3fff); // without NLA_F_NESTED/NET_BYTEORDER
            if (len < 4 || len > _rest.Length) return false;
            Current = new Attribute(type, _rest[4..len]);
            _rest = _rest[Math.Min(NetlinkSocket.Align(len), _rest.Length)..];
            return true;
        }
    }

    internal readonly ref struct Attribute(ushort type, ReadOnlySpan<byte> value)
    {
        private readonly ReadOnlySpan<byte> _value = value;

        public void Deconstruct(out ushort t, out ReadOnlySpan<byte> v)
        {
            t = type;
            v = _value;
        }
    }
}
