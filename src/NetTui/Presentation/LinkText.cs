using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>Short texts for links shared by several views.</summary>
public static class LinkText
{
    public static string Kind(Link l) => l.Kind switch
    {
        LinkKind.Other => $"unknown kind {l.KindName ?? l.Label ?? "?"}",
        LinkKind.OvsInternal => "ovs-internal",
        LinkKind.OvsSystem => "ovs-system",
        LinkKind.IpTunnel => "ipip",
        _ => l.Kind.ToString().ToLowerInvariant(),
    };

    public static string State(Link l) => l.AdminUp ? l.OperState : "admin-down";

    public static string Addresses(Link l) => string.Join(" ", l.Addresses.Select(a => a.Cidr));

    public static string Family(AddressFamily f) => f == AddressFamily.Inet6 ? "v6" : "v4";
}
