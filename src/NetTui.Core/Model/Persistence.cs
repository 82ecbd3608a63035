using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NetTui.Core.Model;

/// <summary>Where an object's configuration lives, i.e. what brings it back after a reboot.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<PersistenceKind>))]
public enum PersistenceKind
{
    /// <summary>A NetworkManager connection profile (saved to disk) builds it at boot.</summary>
    NetworkManager,
    /// <summary>Open vSwitch's database (conf.db): ovs-vswitchd recreates it at start.</summary>
    Ovsdb,
    /// <summary>The Docker daemon recreates it (docker0, container veths).</summary>
    Docker,
    /// <summary>The kernel makes it by itself (loopback, IPv6 link-local, routes of an address).</summary>
    Kernel,
    /// <summary>Nothing: it exists only now and is lost at the next reboot.</summary>
    RuntimeOnly,
    /// <summary>A systemd unit NetTui generated (nettui-*.service) runs the commands at boot.</summary>
    SystemdUnit,
    /// <summary>A configuration file of the host's boot-time system (ifupdown's interfaces, ...): <see cref="Persistence.Profile"/> is the file.</summary>
    ConfigFile,
    /// <summary>ovs-vswitchd makes it when it starts (its datapath devices ovs-system, ovs-netdev).</summary>
    OvsVswitchd,
}

/// <summary>
/// Where one link, address or route persists. <see cref="Profile"/>/<see cref="Uuid"/> name
/// the NetworkManager profile when <see cref="Where"/> is NetworkManager, <see cref="Unit"/> the
/// systemd unit when it is SystemdUnit; <see cref="Note"/>
/// says why when that is not obvious ("follows 192.168.1.1/24", "kernel link-local").
/// </summary>
public sealed record Persistence(PersistenceKind Where, string? Profile = null, string? Uuid = null, string? Note = null, string? Unit = null)
{
    public static readonly Persistence RuntimeOnly = new(PersistenceKind.RuntimeOnly);
    public bool SurvivesReboot => Where != PersistenceKind.RuntimeOnly;

    public override string ToString() => Where switch
    {
        PersistenceKind.NetworkManager => $"NetworkManager ({Profile})",
        PersistenceKind.Ovsdb => "OVSDB",
        PersistenceKind.Docker => "Docker",
        PersistenceKind.Kernel => "kernel",
        PersistenceKind.SystemdUnit => $"systemd unit {Unit}",
        PersistenceKind.ConfigFile => $"config file ({Profile})",
        PersistenceKind.OvsVswitchd => "ovs-vswitchd",
        _ => "runtime only (lost at reboot)",
    };
}

/// <summary>What NetworkManager holds for this host: whether it answered and its profiles.</summary>
public sealed record NetworkManagerState(bool Available, string? Reason, string? Version, ImmutableArray<NmProfile> Profiles)
{
    public static NetworkManagerState Down(string reason) => new(false, reason, null, []);

    /// <summary>Profiles for an interface: the active one first, then NetTui's, then by id.</summary>
    public IEnumerable<NmProfile> ProfilesFor(string iface) => Ranked(Profiles.Where(p => p.InterfaceName == iface));

    public NmProfile? ProfileFor(string iface) => ProfilesFor(iface).FirstOrDefault();

    /// <summary><see cref="ProfileFor"/> of every interface a profile names, in one pass (for lookups per route).</summary>
    public Dictionary<string, NmProfile> ProfileByInterface() =>
        Profiles.Where(p => p.InterfaceName is not null).GroupBy(p => p.InterfaceName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Ranked(g).First(), StringComparer.Ordinal);

    /// <summary>
    /// Per interface, the profile NetworkManager brings up at boot (saved, autoconnect=yes), else
    /// the one <see cref="ProfileByInterface"/> shows (which then does not come back at boot).
    /// </summary>
    public Dictionary<string, NmProfile> BootProfileByInterface() =>
        Profiles.Where(p => p.InterfaceName is not null).GroupBy(p => p.InterfaceName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Ranked(g).FirstOrDefault(p => p.BroughtUpAtBoot) ?? Ranked(g).First(), StringComparer.Ordinal);

    private static IOrderedEnumerable<NmProfile> Ranked(IEnumerable<NmProfile> profiles) =>
        profiles.OrderByDescending(p => p.ActiveDevice is not null).ThenByDescending(p => p.Managed).ThenBy(p => p.Id, StringComparer.Ordinal);
}

/// <summary>
/// One NetworkManager connection profile, summarised. <see cref="Managed"/>: NetTui made it
/// (user data nettui.managed=true or id prefix "nettui-"). <see cref="Settings"/> is the
/// profile as NetTui understands it (to re-create it when a delete is undone); it is left
/// out of the JSON.
/// </summary>
public sealed record NmProfile(
    string Id,
    string Uuid,
    string Type,
    string? InterfaceName,
    string? Master,
    string? SlaveType,
    bool Managed,
    bool Autoconnect,
    string? Ipv4Method,
    ImmutableArray<string> Addresses,
    ImmutableArray<NmProfileRoute> Routes,
    string? ActiveDevice,
    string? Filename)
{
    [JsonIgnore] public Persisting.NmSettings? Settings { get; init; }
    /// <summary>Held in memory only (not saved to disk): gone after a reboot like a runtime change.</summary>
    public bool InMemory { get; init; }
    public bool IsPort => Master is not null;
    /// <summary>Saved and autoconnect=yes: NetworkManager activates it at boot.</summary>
    [JsonIgnore] public bool BroughtUpAtBoot => Autoconnect && !InMemory;
}

/// <summary>A route of a profile's ipvX.route-data (table null = main).</summary>
public sealed record NmProfileRoute(string Destination, string? NextHop, uint? Metric, uint? Table);
