namespace NetTui.Lab;

/// <summary>
/// The seed's two-host layout (LAB-NOTES), real end to end: hosts A and B joined by a veth
/// (the underlay, on OVS bridge br-phy with 10.10.0.1/24 and .2/24); on each, OVS bridge
/// obr0 with gre0 to the peer's underlay address; obr0's internal tap is a port of Linux
/// bridge br0 (192.168.1.1/24 on A, 192.168.2.1/24 on B) with a route to the peer's subnet
/// and forwarding on; and a "container" namespace on a veth into br0 (.10, default via
/// br0). With <c>brokenGre</c> the seed's mistake is reproduced instead: `add-port obr0
/// gre0` without a type, leaving an Interface row with an error and no tunnel.
/// </summary>
public sealed class SeedScenario : IAsyncDisposable
{
    public sealed record Side(LabHost Host, LabOvs Ovs, LabHost Container, string Underlay, string Subnet, string BridgeAddress, string ContainerAddress);

    public const string LinuxBridge = "br0";
    public const string OvsBridgeName = "obr0";
    public const string GrePort = "gre0";

    public Side A { get; private set; } = null!;
    public Side B { get; private set; } = null!;
    private readonly List<LabHost> _hosts = [];

    private SeedScenario() { }

    public static async Task<SeedScenario> BuildAsync(bool brokenGre = false)
    {
        var s = new SeedScenario();
        try
        {
            var a = await s.NewHostAsync().ConfigureAwait(false);
            var b = await s.NewHostAsync().ConfigureAwait(false);
            await a.ConnectAsync("phy0", b, "phy0").ConfigureAwait(false);
            s.A = await BuildSideAsync(a, await s.NewHostAsync().ConfigureAwait(false), 1, "10.10.0.1", "10.10.0.2", "192.168.2.0/24", brokenGre).ConfigureAwait(false);
            s.B = await BuildSideAsync(b, await s.NewHostAsync().ConfigureAwait(false), 2, "10.10.0.2", "10.10.0.1", "192.168.1.0/24", brokenGre).ConfigureAwait(false);
        }
        catch
        {
            await s.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return s;
    }

    private async Task<LabHost> NewHostAsync()
    {
        var h = await LabHost.CreateAsync().ConfigureAwait(false);
        _hosts.Add(h);
        return h;
    }

    private static async Task<Side> BuildSideAsync(LabHost h, LabHost container, int n, string underlay, string peerUnderlay, string peerSubnet, bool brokenGre)
    {
        var ovs = await LabOvs.StartAsync(h).ConfigureAwait(false);
        // Underlay: the userspace datapath sends tunnel packets out of an OVS bridge, so the
        // veth is a port of br-phy and the underlay address sits on br-phy.
        await ovs.AddBridgeAsync("br-phy").ConfigureAwait(false);
        await ovs.VsctlCheckedAsync("add-port", "br-phy", "phy0").ConfigureAwait(false);
        await h.CheckedAsync("ip", "addr", "add", underlay + "/24", "dev", "br-phy").ConfigureAwait(false);
        await h.CheckedAsync("ip", "link", "set", "br-phy", "up").ConfigureAwait(false);

        await ovs.AddBridgeAsync(OvsBridgeName).ConfigureAwait(false);
        if (brokenGre)
            await ovs.VsctlAsync("add-port", OvsBridgeName, GrePort).ConfigureAwait(false); // no type: the seed's error
        else
            await ovs.AddGrePortAsync(OvsBridgeName, GrePort, peerUnderlay).ConfigureAwait(false);

        var bridgeAddress = $"192.168.{n}.1";
        await h.CheckedAsync("ip", "link", "add", LinuxBridge, "type", "bridge", "stp_state", "0").ConfigureAwait(false);
        await h.CheckedAsync("ip", "addr", "add", bridgeAddress + "/24", "dev", LinuxBridge).ConfigureAwait(false);
        await h.CheckedAsync("ip", "link", "set", OvsBridgeName, "master", LinuxBridge).ConfigureAwait(false);
        await h.CheckedAsync("ip", "link", "set", OvsBridgeName, "up").ConfigureAwait(false);
        await h.CheckedAsync("ip", "link", "set", LinuxBridge, "up").ConfigureAwait(false);
        await h.CheckedAsync("ip", "route", "add", peerSubnet, "dev", LinuxBridge).ConfigureAwait(false);
        // Per-namespace sysctl: /proc/sys/net belongs to the namespace of the process writing it.
        await h.CheckedAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=1").ConfigureAwait(false);

        // The "container": its eth0 is a veth whose host end is a port of br0.
        var containerAddress = $"192.168.{n}.10";
        await LabExec.CheckedAsync("ip", "-n", h.Name, "link", "add", "vct0", "type", "veth", "peer", "name", "eth0", "netns", container.Name).ConfigureAwait(false);
        await h.CheckedAsync("ip", "link", "set", "vct0", "master", LinuxBridge).ConfigureAwait(false);
        await h.CheckedAsync("ip", "link", "set", "vct0", "up").ConfigureAwait(false);
        await container.CheckedAsync("ip", "addr", "add", containerAddress + "/24", "dev", "eth0").ConfigureAwait(false);
        await container.CheckedAsync("ip", "link", "set", "eth0", "up").ConfigureAwait(false);
        await container.CheckedAsync("ip", "route", "add", "default", "via", bridgeAddress).ConfigureAwait(false);

        return new Side(h, ovs, container, underlay, $"192.168.{n}.0/24", bridgeAddress, containerAddress);
    }

    /// <summary>Pings from A's container to B's, a few tries (ARP across the tunnel settles first).</summary>
    public async Task<ExecResult> PingAcrossAsync(int size = 56, int tries = 5)
    {
        ExecResult? r = null;
        for (var i = 0; i < tries && r is not { Succeeded: true }; i++)
            r = await A.Container.RunAsync("ping", "-c", "1", "-W", "2", "-M", "do", "-s", size.ToString(), B.ContainerAddress).ConfigureAwait(false);
        return r!;
    }

    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            try { await _hosts[i].DisposeAsync().ConfigureAwait(false); }
            catch (Exception e) { errors.Add(e); }
        }
        if (errors.Count > 0) throw new AggregateException("cleaning up the seed scenario", errors);
    }
}
