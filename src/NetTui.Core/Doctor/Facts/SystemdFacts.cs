using System.Collections.Immutable;

namespace NetTui.Core.Doctor.Facts;

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<UnitState>))]
public enum UnitState { Unknown, Enabled, Disabled, Static, Masked, NotFound }

/// <summary>
/// Whether systemd manages this machine and the boot state of the OVS units. In a container
/// or a lab namespace there may be no systemd to ask: then <see cref="Running"/> is false
/// or null and every unit is <see cref="UnitState.Unknown"/>, and the checks stay silent.
/// </summary>
public sealed record SystemdFacts(bool? Running, ImmutableDictionary<string, UnitState> Units)
{
    public static readonly SystemdFacts Unknown = new(null, ImmutableDictionary<string, UnitState>.Empty);

    /// <summary>Units that start OVS, Debian's first, then the split units, then RHEL's.</summary>
    public static readonly ImmutableArray<string> OvsUnits = ["openvswitch-switch.service", "ovsdb-server.service", "ovs-vswitchd.service", "openvswitch.service"];

    public UnitState State(string unit) => Units.TryGetValue(unit, out var s) ? s : UnitState.Unknown;

    /// <summary>The unit that starts all of OVS here: openvswitch-switch (Debian) or openvswitch (RHEL); null if neither is installed.</summary>
    public string? OvsMainUnit =>
        new[] { "openvswitch-switch.service", "openvswitch.service" }.FirstOrDefault(u => State(u) is not (UnitState.NotFound or UnitState.Unknown));
}
