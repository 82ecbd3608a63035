using System.Collections.Immutable;
using System.Net;
using NetTui.Core.Values;

namespace NetTui.Core.Firewall;

/// <summary>An interface name a rule matches, maybe negated ("! -o docker0"); a trailing '+' is iptables' wildcard ("veth+").</summary>
public sealed record InterfaceMatch(string Name, bool Negated)
{
    public bool Matches(string? device)
    {
        var hit = device is not null && (Name.EndsWith('+') || Name.EndsWith('*')
            ? device.StartsWith(Name[..^1], StringComparison.Ordinal)
            : device == Name);
        return hit != Negated;
    }

    public override string ToString() => (Negated ? "!" : "") + Name;
}

/// <summary>Addresses a rule matches (one prefix or a set of them), maybe negated.</summary>
public sealed record AddressMatch(ImmutableArray<IpPrefix> Prefixes, bool Negated)
{
    public bool Matches(IPAddress address) => Prefixes.Any(p => p.Contains(address)) != Negated;

    public override string ToString() => (Negated ? "!" : "") + string.Join(",", Prefixes);
}

/// <summary>A port or an inclusive range ("8000:8080").</summary>
public readonly record struct PortRange(int From, int To)
{
    public bool Contains(int port) => port >= From && port <= To;

    public override string ToString() => From == To ? From.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{From}:{To}";
}

/// <summary>
/// What a rule looks at, in the terms NetTui can judge: interfaces, addresses, protocol,
/// destination port, conntrack state. Anything else the rule tests (marks, addrtype,
/// sets, rates...) is kept as text in <see cref="Unjudged"/>: a walk cannot say whether it
/// matches and reports it as evidence instead of guessing.
/// </summary>
public sealed record RuleMatch(
    InterfaceMatch? In = null,
    InterfaceMatch? Out = null,
    AddressMatch? Source = null,
    AddressMatch? Destination = null,
    string? Protocol = null,
    bool ProtocolNegated = false,
    ImmutableArray<PortRange> DestinationPorts = default,
    ImmutableArray<string> ConntrackStates = default,
    ImmutableArray<string> Unjudged = default)
{
    public static readonly RuleMatch Everything = new();

    public ImmutableArray<PortRange> Ports => DestinationPorts.IsDefault ? [] : DestinationPorts;
    public ImmutableArray<string> States => ConntrackStates.IsDefault ? [] : ConntrackStates;
    public ImmutableArray<string> Unknown => Unjudged.IsDefault ? [] : Unjudged;

    /// <summary>True when the rule tests nothing at all (a policy-like catch-all).</summary>
    public bool MatchesAll => In is null && Out is null && Source is null && Destination is null && Protocol is null
        && Ports.IsEmpty && States.IsEmpty && Unknown.IsEmpty;
}
