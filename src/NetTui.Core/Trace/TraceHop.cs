using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NetTui.Core.Model;

namespace NetTui.Core.Trace;

/// <summary>Ok: the packet passes here; Broken: it stops or goes astray here; Unknown: NetTui could not read what decides it.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<HopStatus>))]
public enum HopStatus { Ok, Broken, Unknown }

/// <summary>
/// One step of the way: <see cref="Name"/> ("container route", "veth", "bridge", "host route",
/// "forwarding", "firewall", "nat", "egress", "peer route", "mtu", "overlap"), what was
/// seen (<see cref="Evidence"/>), and for a broken hop what fixes it (<see cref="Fix"/>).
/// </summary>
public sealed record TraceHop(string Name, HopStatus Status, string Evidence, string? Fix = null)
{
    public static TraceHop Ok(string name, string evidence) => new(name, HopStatus.Ok, evidence);
    public static TraceHop Broken(string name, string evidence, string fix) => new(name, HopStatus.Broken, evidence, fix);
    public static TraceHop Unknown(string name, string evidence) => new(name, HopStatus.Unknown, evidence);
}

/// <summary>The trace of one packet: where from (a container or an address), to, and the hops in order.</summary>
public sealed record TraceResult(string From, string Source, string To, string? Protocol, int? Port, ImmutableArray<TraceHop> Hops)
{
    public bool AllOk => Hops.All(h => h.Status != HopStatus.Broken);

    /// <summary>The first broken hop (null when none).</summary>
    [JsonIgnore]
    public TraceHop? FirstBroken => Hops.FirstOrDefault(h => h.Status == HopStatus.Broken);
}
