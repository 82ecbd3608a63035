using System.Collections.Immutable;

namespace NetTui.Host.Doctor;

/// <summary>
/// Where the Doctor looks. Everything is overridable so tests point it at a lab's private
/// OVS directory, a temporary daemon.json and rc.local, and never at the machine's own.
/// <see cref="OvsEnvironment"/> holds the OVS_* variables (OVS_RUNDIR...) the admin's
/// shell would pass to ovs-vsctl; empty values count as unset.
/// </summary>
public sealed record DoctorOptions
{
    public string? OvsDatabase { get; init; }
    public ImmutableDictionary<string, string> OvsEnvironment { get; init; } = ImmutableDictionary<string, string>.Empty;
    public string DaemonJsonPath { get; init; } = "/etc/docker/daemon.json";
    public ImmutableArray<string> BootScriptPaths { get; init; } = ["/etc/rc.local", "/etc/rc.d/rc.local"];
    public string SysModuleDir { get; init; } = "/sys/module";
    public string SystemdRunDir { get; init; } = "/run/systemd/system";
    public string? DockerHost { get; init; }
    public string ResolvConfPath { get; init; } = "/etc/resolv.conf";

    /// <summary>The peer's container subnets a wizard plan names (`doctor --plan`); empty: no peer known.</summary>
    public ImmutableArray<NetTui.Core.Doctor.Facts.PeerSubnetFact> PeerSubnets { get; init; } = [];
    public string? SystemBusAddress { get; init; }

    public static readonly ImmutableArray<string> OvsVariables = ["OVS_RUNDIR", "OVS_DBDIR", "OVS_LOGDIR", "OVS_SYSCONFDIR", "OVS_PKGDATADIR"];

    /// <summary>The OVS_* variables of this process (what ovs-vsctl run from the same shell would see).</summary>
    public static ImmutableDictionary<string, string> OvsEnvironmentOfThisProcess()
    {
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var name in OvsVariables)
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } v) b[name] = v;
        return b.ToImmutable();
    }

    public string? Ovs(string name) => OvsEnvironment.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
}
