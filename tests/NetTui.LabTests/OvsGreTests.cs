using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Real GRE through Open vSwitch's userspace datapath: two hosts joined by a veth (the
/// underlay, on bridge br-phy), each with br-int holding gre0 to the other's underlay
/// address. A ping between the br-int addresses can only pass through the tunnel.
/// </summary>
public sealed class OvsGreTests
{
    [Fact]
    public async Task Ovs_gre_between_two_hosts_carries_a_ping()
    {
        await using var a = await LabHost.CreateAsync();
        await using var b = await LabHost.CreateAsync();
        await a.ConnectAsync("phy-a", b, "phy-b");
        var ovsA = await LabOvs.StartAsync(a);
        var ovsB = await LabOvs.StartAsync(b);

        await SetUpSideAsync(a, ovsA, "phy-a", "10.10.0.1/24", "10.10.0.2", "192.168.77.1/24");
        await SetUpSideAsync(b, ovsB, "phy-b", "10.10.0.2/24", "10.10.0.1", "192.168.77.2/24");

        // The first packets may be lost while ARP over the tunnel settles: allow a few tries.
        ExecResult? ping = null;
        for (var i = 0; i < 5 && ping is not { Succeeded: true }; i++)
            ping = await a.RunAsync("ping", "-c", "1", "-W", "2", "192.168.77.2");
        Assert.True(ping!.Succeeded, ping.StandardOutput + ping.StandardError);

        // And it is the tunnel: gre0 exists in OVS with our remote and no error.
        var type = await ovsA.VsctlCheckedAsync("get", "interface", "gre0", "type");
        Assert.Equal("gre", type.StandardOutput.Trim());
        var error = await ovsA.VsctlCheckedAsync("get", "interface", "gre0", "error");
        Assert.Equal("[]", error.StandardOutput.Trim());
        // Without the tunnel the overlay is unreachable: remove gre0 on b, the ping fails.
        await ovsB.VsctlCheckedAsync("del-port", "br-int", "gre0");
        var after = await a.RunAsync("ping", "-c", "1", "-W", "2", "192.168.77.2");
        Assert.False(after.Succeeded);
    }

    /// <summary>One side of the tunnel (also used by TrafficLabTests).</summary>
    internal static async Task SetUpSideAsync(LabHost h, LabOvs ovs, string phy, string underlay, string peerUnderlay, string overlay)
    {
        await ovs.AddBridgeAsync("br-phy");
        await ovs.VsctlCheckedAsync("add-port", "br-phy", phy);
        await h.CheckedAsync("ip", "addr", "add", underlay, "dev", "br-phy");
        await h.CheckedAsync("ip", "link", "set", "br-phy", "up");
        await ovs.AddBridgeAsync("br-int");
        await ovs.AddGrePortAsync("br-int", "gre0", peerUnderlay);
        await h.CheckedAsync("ip", "addr", "add", overlay, "dev", "br-int");
        await h.CheckedAsync("ip", "link", "set", "br-int", "up");
    }
}
