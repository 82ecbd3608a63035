using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// One policy routing rule (`ip rule`, `ip -6 rule`): which packets (selector) go to which
/// table (or get an action). Null selector fields were not given. <see cref="Action"/>:
/// "lookup" (then <see cref="Table"/>), "goto" (then <see cref="Goto"/>), "blackhole",
/// "unreachable", "prohibit", "nop".
/// </summary>
public sealed record RoutingRule(AddressFamily Family, int Priority, string Action, string? Table)
{
    public bool Not { get; init; }
    /// <summary>"all" or a prefix ("10.0.0.0/8").</summary>
    public string From { get; init; } = "all";
    public string? To { get; init; }
    public string? Iif { get; init; }
    public string? Oif { get; init; }
    /// <summary>"0x10/0xff" (mask only when given).</summary>
    public string? Fwmark { get; init; }
    public string? Tos { get; init; }
    public string? IpProto { get; init; }
    /// <summary>"443" or "1000-2000".</summary>
    public string? SourcePort { get; init; }
    public string? DestinationPort { get; init; }
    public string? UidRange { get; init; }
    public int? Goto { get; init; }
    public int? SuppressPrefixLength { get; init; }
    public string? Protocol { get; init; }
    /// <summary>Selector keys this version of NetTui does not know, by name: shown, not dropped.</summary>
    public ImmutableArray<string> Unknown { get; init; } = [];
}

/// <summary>
/// A nexthop object (`ip nexthop`): a single hop (gateway and/or device, or blackhole) or a
/// group of other nexthops with weights. Routes refer to it by id (<see cref="RouteDetails.NexthopId"/>).
/// </summary>
public sealed record NexthopObject(int Id)
{
    public AddressFamily? Family { get; init; }
    public string? Gateway { get; init; }
    public string? Device { get; init; }
    public bool Blackhole { get; init; }
    public bool OnLink { get; init; }
    /// <summary>Members of a group, in order; empty for a single hop.</summary>
    public ImmutableArray<NexthopGroupMember> Group { get; init; } = [];
    /// <summary>A group's type: "mpath" (hash-threshold, the default) or "resilient".</summary>
    public string? GroupType { get; init; }
    public string? Protocol { get; init; }
}

public sealed record NexthopGroupMember(int Id, int Weight);
