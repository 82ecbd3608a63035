using System.Collections.Immutable;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;

namespace NetTui.UnitTests.Doctor;

/// <summary>Hand-made facts: a host with a bridge, routes and (optionally) OVS, for the pure checks.</summary>
internal static class DoctorFixtures
{
    public const string LabDir = "/tmp/ntl-x/ovs";
    public static readonly OvsPaths LabPaths = new(LabDir, LabDir, LabDir, LabDir);

    public static Link Bridge(string name, bool up = true, params string[] cidrs) =>
        new(10 + name.Length, name, LinkKind.Bridge, up ? "UP" : "DOWN", up, 1500, null, null, null, null,
            [.. cidrs.Select(c => new LinkAddress(AddressFamily.Inet, c.Split('/')[0], int.Parse(c.Split('/')[1]), "global"))]);

    public static HostSnapshot Snapshot(OvsState? ovs = null, bool ovsUp = true, IEnumerable<Link>? links = null,
        IEnumerable<LinuxBridge>? bridges = null, IEnumerable<Route>? routes = null, bool nmUp = true) => new(
        "h", "ntl-x", DateTimeOffset.UnixEpoch,
        [.. links ?? [Bridge("br0", true, "192.168.1.1/24")]],
        [.. bridges ?? [new LinuxBridge("br0", 11, "8000.1", false, [new BridgePort("veth1", 20, "forwarding", 2, 32)])]],
        [.. routes ?? [new Route(AddressFamily.Inet, "192.168.1.0/24", null, "br0", "kernel", "link", null, "main", "unicast")]],
        ovsUp ? ovs ?? new OvsState("3.1.0", []) : null,
        [],
        [
            SourceStatus.Ok(SourceKind.IpRoute2, TimeSpan.Zero),
            ovsUp ? SourceStatus.Ok(SourceKind.Ovs, TimeSpan.Zero)
                  : SourceStatus.Down(SourceKind.Ovs, $"ovs-vsctl: unix:{LabDir}/db.sock: database connection failed (No such file or directory)", TimeSpan.Zero),
            nmUp ? SourceStatus.Ok(SourceKind.NetworkManager, TimeSpan.Zero) : SourceStatus.Down(SourceKind.NetworkManager, "no system D-Bus", TimeSpan.Zero),
        ]);

    public static OvsFacts Ovs(
        OvsInstall install = OvsInstall.Package,
        OvsPaths? paths = null,
        bool fromEnv = true,
        SocketState socket = SocketState.Listening,
        bool dbExists = true,
        bool? needsConversion = false,
        IEnumerable<OvsDaemon>? servers = null,
        IEnumerable<OvsDaemon>? vswitchds = null,
        bool? initialized = true,
        bool? module = false,
        string? clientSocket = null)
    {
        var p = paths ?? LabPaths;
        var sock = clientSocket ?? p.DbSocket;
        return new OvsFacts(install, install == OvsInstall.SourceBuild ? "/usr/local/sbin/ovsdb-server" : "/usr/sbin/ovsdb-server",
            p, fromEnv, sock, socket, null, dbExists, "/usr/share/openvswitch/vswitch.ovsschema", needsConversion,
            [.. servers ?? [Server(1000, sock)]], [.. vswitchds ?? [new OvsDaemon(1001, "ovs-vswitchd", [], [], null)]],
            initialized, module, sock);
    }

    public static OvsDaemon Server(int pid, string socket, string? control = null) =>
        new(pid, "ovsdb-server", ["ovsdb-server", "--remote=punix:" + socket], [socket], control);

    public static DoctorFacts Facts(HostSnapshot? snapshot = null, OvsFacts? ovs = null, SystemdFacts? systemd = null,
        IEnumerable<BootScript>? boot = null, DockerConfigFacts? docker = null) =>
        new(snapshot ?? Snapshot(), ovs, systemd ?? SystemdFacts.Unknown, [.. boot ?? []], docker);

    public static SystemdFacts SystemdWith(UnitState openvswitchSwitch) => new(true,
        ImmutableDictionary<string, UnitState>.Empty
            .Add("openvswitch-switch.service", openvswitchSwitch)
            .Add("openvswitch.service", UnitState.NotFound));

    public static OvsInterface Iface(string name, string type, string? error, params (string K, string V)[] options) =>
        new(name, "u-" + name, type, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, options.Select(o => KeyValuePair.Create(o.K, o.V))),
            error, error is null ? 1 : -1, null, null, ImmutableSortedDictionary<string, long>.Empty);

    public static OvsState OvsWith(string bridge, string datapath, params OvsInterface[] ifaces) =>
        new("3.1.0", [new OvsBridge(bridge, "u-" + bridge, datapath, [.. ifaces.Select(i => new OvsPort(i.Name, "p-" + i.Name, null, [i]))])]);
}
