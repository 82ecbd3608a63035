using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// The system that configures the host at boot (<see cref="Backend"/>: nm, ifupdown, netplan,
/// networkd, or "none") and, for a file-based one NetTui reads, each object its files define.
/// <see cref="Why"/>: what it was recognised by ("/etc/network/interfaces", "--persist-with").
/// </summary>
public sealed record BootConfiguration(string Backend, string Why, ImmutableArray<BootObject> Objects)
{
    public BootObject? Find(string name) => Objects.FirstOrDefault(o => o.Name == name);
}

/// <summary>
/// One interface as a boot configuration file defines it: the file (the host's path) and line,
/// whether it is brought up at boot (ifupdown's auto/allow-hotplug), its addresses and routes,
/// and the bridge it is a port of (bridge_ports of the bridge's stanza).
/// </summary>
public sealed record BootObject(string Name, string File, int Line, bool BroughtUp, ImmutableArray<string> Addresses, ImmutableArray<BootRoute> Routes)
{
    public string? Master { get; init; }
}

/// <summary>A route a boot file gives an interface: destination as written, and gateway.</summary>
public sealed record BootRoute(string Destination, string? Via);
