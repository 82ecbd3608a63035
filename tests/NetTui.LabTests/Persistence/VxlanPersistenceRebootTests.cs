using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// A kernel VXLAN persisted as a NetworkManager `vxlan` profile (private bus, in a lab
/// namespace), read back with nmcli, then a simulated reboot: NetworkManager makes it again
/// with the same VNI, remote, local, port, learning and MTU, as a port of br0.
/// </summary>
public sealed class VxlanPersistenceRebootTests
{
    [Fact]
    public async Task A_vxlan_in_a_bridge_comes_back_after_reboot_with_its_parameters()
    {
        await using var lab = await PersistLab.CreateAsync();
        await lab.ApplyAsync(new CreateBridge("br0", "192.168.53.1/24") { Mtu = "1450" });
        var create = await lab.ApplyAsync(new CreateVxlan("vxlan0", "4242", "10.40.0.2", DstPort: "4789", Mtu: "1450") { Learning = false });
        Assert.StartsWith("persistent: NetworkManager profile nettui-vxlan0", PersistLab.Label(create), StringComparison.Ordinal);
        var attach = await lab.ApplyAsync(new AttachToBridge("br0", "vxlan0"));
        Assert.Contains("port of profile nettui-br0", PersistLab.Label(attach), StringComparison.Ordinal);

        var shown = await lab.NmcliShowAsync("nettui-vxlan0",
            "connection.type,connection.interface-name,connection.slave-type,vxlan.id,vxlan.remote,vxlan.destination-port,vxlan.learning,802-3-ethernet.mtu");
        Assert.Equal("vxlan", shown["connection.type"]);
        Assert.Equal("vxlan0", shown["connection.interface-name"]);
        Assert.Equal("bridge", shown["connection.slave-type"]);
        Assert.Equal("4242", shown["vxlan.id"]);
        Assert.Equal("10.40.0.2", shown["vxlan.remote"]);
        Assert.Equal("4789", shown["vxlan.destination-port"]);
        Assert.Equal("no", shown["vxlan.learning"]);
        Assert.Equal("1450", shown["802-3-ethernet.mtu"]);
        Assert.Equal(PersistenceKind.NetworkManager, (await lab.ReadAsync()).FindLink("vxlan0")!.Persistence!.Where);

        await lab.RebootAsync();
        await lab.WaitForAddressAsync("br0", "192.168.53.1/24");
        Link? back = null;
        await LabWait.UntilAsync("vxlan0 back in br0", async () =>
            (back = (await lab.ReadAsync()).FindLink("vxlan0")) is { Master: "br0", AdminUp: true }, TimeSpan.FromSeconds(30));
        Assert.Equal(LinkKind.Vxlan, back!.Kind);
        Assert.Equal(1450, back.Mtu);
        Assert.Equal(new TunnelInfo("10.40.0.2", null, 4242, null) { DstPort = 4789, Learning = false }, back.Tunnel);
    }
}
