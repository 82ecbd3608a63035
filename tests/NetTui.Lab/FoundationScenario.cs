namespace NetTui.Lab;

/// <summary>
/// The foundation issue's reference host, built for real in one namespace:
/// <list type="bullet">
/// <item>Linux bridge <see cref="Bridge"/> (192.168.100.1/24 and 2001:db8:100::1/64, STP off);</item>
/// <item>three veth pairs; the host ends of two are ports of the bridge, the third is loose;</item>
/// <item>a route in table main and routes (v4 and v6) in table <see cref="SecondTable"/>;</item>
/// <item>an OVS netdev bridge with a GRE port (remote_ip, key) and a broken port whose
/// device does not exist (its Interface row carries an error);</item>
/// <item>dockerd with busybox containers <see cref="Container1"/> and <see cref="Container2"/>,
/// the second with <c>--link cct1:webtest</c>.</item>
/// </list>
/// Tests compare what NetTui reports about this host with what the independent tools say.
/// </summary>
public sealed class FoundationScenario : IAsyncDisposable
{
    public const string Bridge = "br0";
    public const string BridgeAddress = "192.168.100.1/24";
    public const string BridgeAddress6 = "2001:db8:100::1/64";
    public static readonly (string Host, string Peer)[] Veths = [("vport1", "vpeer1"), ("vport2", "vpeer2"), ("vloose", "vlpeer")];
    public static readonly string[] AttachedPorts = ["vport1", "vport2"];

    public const string MainRouteDestination = "10.20.0.0/16";
    public const string MainRouteGateway = "192.168.100.254";
    public const string SecondTable = "100";
    public const string TableRouteDestination = "10.30.0.0/16";
    public const string TableRouteGateway = "192.168.100.253";
    public const string TableRoute6Destination = "2001:db8:200::/64";
    public const string TableRoute6Gateway = "2001:db8:100::fe";

    public const string OvsBridgeName = "ovsbr0";
    public const string GrePort = "gre0";
    public const string GreRemoteIp = "10.10.0.2";
    public const string GreKey = "42";
    public const string BrokenPort = "broken0";

    public const string Container1 = "cct1";
    public const string Container2 = "cct2";
    public const string LinkAlias = "webtest";

    public LabHost Host { get; }
    public LabOvs Ovs { get; private set; } = null!;
    public LabDocker Docker { get; private set; } = null!;

    private FoundationScenario(LabHost host) => Host = host;

    public static async Task<FoundationScenario> BuildAsync()
    {
        var host = await LabHost.CreateAsync().ConfigureAwait(false);
        var s = new FoundationScenario(host);
        try
        {
            await s.BuildLinksAsync().ConfigureAwait(false);
            await s.BuildRoutesAsync().ConfigureAwait(false);
            await s.BuildOvsAsync().ConfigureAwait(false);
            await s.BuildDockerAsync().ConfigureAwait(false);
            await host.WaitUntilSettledAsync().ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return s;
    }

    private async Task BuildLinksAsync()
    {
        var h = Host;
        await h.CheckedAsync("ip", "link", "add", Bridge, "type", "bridge", "stp_state", "0").ConfigureAwait(false);
        await h.CheckedAsync("ip", "addr", "add", BridgeAddress, "dev", Bridge).ConfigureAwait(false);
        // nodad: the address is usable at once (no 1-2 s of "tentative").
        await h.CheckedAsync("ip", "-6", "addr", "add", BridgeAddress6, "dev", Bridge, "nodad").ConfigureAwait(false);
        foreach (var (port, peer) in Veths)
        {
            await h.CheckedAsync("ip", "link", "add", port, "type", "veth", "peer", "name", peer).ConfigureAwait(false);
            if (AttachedPorts.Contains(port))
                await h.CheckedAsync("ip", "link", "set", port, "master", Bridge).ConfigureAwait(false);
            await h.CheckedAsync("ip", "link", "set", port, "up").ConfigureAwait(false);
            await h.CheckedAsync("ip", "link", "set", peer, "up").ConfigureAwait(false);
        }
        await h.CheckedAsync("ip", "link", "set", Bridge, "up").ConfigureAwait(false);
    }

    private async Task BuildRoutesAsync()
    {
        var h = Host;
        await h.CheckedAsync("ip", "route", "add", MainRouteDestination, "via", MainRouteGateway, "dev", Bridge).ConfigureAwait(false);
        await h.CheckedAsync("ip", "route", "add", TableRouteDestination, "via", TableRouteGateway, "dev", Bridge, "table", SecondTable, "metric", "50").ConfigureAwait(false);
        await h.CheckedAsync("ip", "-6", "route", "add", TableRoute6Destination, "via", TableRoute6Gateway, "dev", Bridge, "table", SecondTable).ConfigureAwait(false);
    }

    private async Task BuildOvsAsync()
    {
        Ovs = await LabOvs.StartAsync(Host).ConfigureAwait(false);
        await Ovs.AddBridgeAsync(OvsBridgeName).ConfigureAwait(false);
        await Ovs.AddGrePortAsync(OvsBridgeName, GrePort, GreRemoteIp, GreKey).ConfigureAwait(false);
        // The seed's mistake: add-port without a type for a device that does not exist.
        // ovs-vsctl accepts the row (and warns); ovs-vswitchd fills the Interface's error column.
        await Ovs.VsctlAsync("add-port", OvsBridgeName, BrokenPort).ConfigureAwait(false);
        await LabWait.UntilAsync($"an error on OVS interface {BrokenPort}", async () =>
        {
            var r = await Ovs.VsctlAsync("get", "interface", BrokenPort, "error").ConfigureAwait(false);
            return r.Succeeded && r.StandardOutput.Trim() is { Length: > 0 } e && e != "[]";
        }, TimeSpan.FromSeconds(20)).ConfigureAwait(false);
    }

    private async Task BuildDockerAsync()
    {
        Docker = await LabDocker.StartAsync(Host).ConfigureAwait(false);
        await Docker.RunBusyboxAsync(Container1).ConfigureAwait(false);
        await Docker.RunBusyboxAsync(Container2, "--link", $"{Container1}:{LinkAlias}").ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
