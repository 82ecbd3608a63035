namespace NetTui.Core.Wizard;

/// <summary>How the two hosts' bridges are joined.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<TunnelKind>))]
public enum TunnelKind
{
    /// <summary>An Open vSwitch bridge (obr0) with a GRE port, its internal port in the Linux bridge: the seed's layout. Carries Ethernet frames.</summary>
    OvsGre,
    /// <summary>A kernel GRE tunnel (ip_gre): IP packets, routed; the Linux bridge keeps its MTU.</summary>
    Gre,
    /// <summary>A kernel GRETAP tunnel: Ethernet frames, a port of the Linux bridge.</summary>
    Gretap,
    /// <summary>A kernel VXLAN device (UDP 4789): Ethernet frames, a port of the Linux bridge.</summary>
    Vxlan,
    /// <summary>Like <see cref="OvsGre"/>, with an OVS VXLAN port instead of the GRE one.</summary>
    OvsVxlan,
}

/// <summary>The words the CLI and the wizard's form use for <see cref="TunnelKind"/>.</summary>
public static class TunnelKinds
{
    public static readonly string[] Words = ["ovs-gre", "gre", "gretap", "vxlan", "ovs-vxlan"];

    public static TunnelKind Parse(string? word) => word switch
    {
        "gre" => TunnelKind.Gre,
        "gretap" => TunnelKind.Gretap,
        "vxlan" => TunnelKind.Vxlan,
        "ovs-vxlan" => TunnelKind.OvsVxlan,
        _ => TunnelKind.OvsGre,
    };

    public static string Word(this TunnelKind k) => k switch
    {
        TunnelKind.Gre => "gre",
        TunnelKind.Gretap => "gretap",
        TunnelKind.Vxlan => "vxlan",
        TunnelKind.OvsVxlan => "ovs-vxlan",
        _ => "ovs-gre",
    };

    /// <summary>An Open vSwitch bridge carries the tunnel port (obr0 inside the Linux bridge).</summary>
    public static bool IsOvs(this TunnelKind k) => k is TunnelKind.OvsGre or TunnelKind.OvsVxlan;

    /// <summary>A VXLAN (UDP) rather than a GRE tunnel: the key is a VNI.</summary>
    public static bool IsVxlan(this TunnelKind k) => k is TunnelKind.Vxlan or TunnelKind.OvsVxlan;
}

/// <summary>
/// What the admin types into the tunnel wizard, as text (a form holds half-typed values).
/// Field names match the CLI options and the error fields (local-underlay, peer-subnet...).
/// </summary>
public sealed record TunnelWizardInput
{
    public string LocalUnderlay { get; init; } = "";
    public string PeerUnderlay { get; init; } = "";
    /// <summary>This host's container subnet; "192.168.1.0/24" puts .1 on the bridge, "192.168.1.254/24" puts that address.</summary>
    public string LocalSubnet { get; init; } = "";
    public string PeerSubnet { get; init; } = "";
    public TunnelKind Kind { get; init; } = TunnelKind.OvsGre;
    /// <summary>GRE key, or the VNI for VXLAN kinds (required there: both ends must agree).</summary>
    public string? Key { get; init; }
    public string Bridge { get; init; } = "br0";
    public string OvsBridge { get; init; } = "obr0";
    /// <summary>The GRE port or tunnel device; null = gre0 for OVS, gre1/gretap1 for kernel tunnels (gre0 and gretap0 are the kernel's own fallback devices).</summary>
    public string? Port { get; init; }
    /// <summary>OVS datapath; null = netdev if the host's OVS bridges already use it, else system.</summary>
    public string? Datapath { get; init; }
    /// <summary>Also set Docker's default bridge (daemon.json "bridge") on both hosts.</summary>
    public bool DockerBridge { get; init; }
    public string? DaemonJsonPath { get; init; }
    public string? PeerDaemonJsonPath { get; init; }
    /// <summary>What this host's INPUT chain does with the tunnel's UDP port (VXLAN), when the caller read it; null: not read.</summary>
    public FirewallVerdict? Firewall { get; init; }

    public string PortName => Port is { Length: > 0 } p ? p : Kind switch
    {
        TunnelKind.Gre => "gre1",
        TunnelKind.Gretap => "gretap1",
        TunnelKind.Vxlan or TunnelKind.OvsVxlan => "vxlan0",
        _ => "gre0",
    };

    /// <summary>The same tunnel seen from the peer: local and peer swapped.</summary>
    public TunnelWizardInput Mirror() => this with
    {
        LocalUnderlay = PeerUnderlay,
        PeerUnderlay = LocalUnderlay,
        LocalSubnet = PeerSubnet,
        PeerSubnet = LocalSubnet,
        DaemonJsonPath = PeerDaemonJsonPath,
        PeerDaemonJsonPath = DaemonJsonPath,
    };
}
