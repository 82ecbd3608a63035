using NetTui.Core.Export;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Values;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>--from-host: NetTui's bridges and the OVS bridges joined to them, in the order an empty host needs them.</summary>
public sealed class HostExportTests
{
    private static NmProfile Profile(string iface, bool nettui) =>
        NmProfileMapper.Map(ProfileBuilder.Bridge(iface, Guid.NewGuid(), false, [IpPrefix.Parse("192.168.1.1/24").Get()], []), null, iface) with { Id = nettui ? "nettui-" + iface : "admin-" + iface, Managed = nettui };

    private static HostSnapshot SeedHost() => TestHost.Basic()
        .WithBridge("br0", false, "192.168.1.1/24").WithLink("v1", LinkKind.Veth).WithPort("br0", "v1")
        .WithOvsBridge("obr0").WithOvsPort("obr0", "gre0", "gre", ("remote_ip", "10.10.0.2"))
        .Update("obr0", l => l with { Mtu = 1462 }).WithPort("br0", "obr0")
        .WithRoute("192.168.2.0/24", null, "br0")
        .WithBridge("br9", false, "10.9.0.1/24").WithOvsBridge("br-phy")
        with { NetworkManager = new NetworkManagerState(true, null, "1.42.4", [Profile("br0", true), Profile("br9", false)]) };

    [Fact]
    public void Ovs_bridges_first_then_the_bridge_then_the_attachment()
    {
        var ops = HostExport.Operations(SeedHost());
        Assert.Equal(["ovs.bridge.add", "link.mtu", "bridge.add", "bridge.attach"], ops.Select(o => o.Kind));
        var ovs = Assert.IsType<CreateOvsBridge>(ops[0]);
        Assert.Equal("netdev", ovs.Datapath);
        Assert.Null(ovs.Master);
        var gre = Assert.Single(ovs.Ports);
        Assert.Equal(("gre0", "gre", "10.10.0.2"), (gre.Port, gre.Type, gre.Options["remote_ip"]));
        Assert.Equal(new SetMtu("obr0", "1462"), ops[1]);
        var br = Assert.IsType<CreateBridge>(ops[2]);
        Assert.Equal(("br0", "192.168.1.1/24"), (br.Name, br.Address));
        Assert.Equal(["v1"], br.Ports);
        Assert.Equal("192.168.2.0/24", Assert.Single(br.Routes).Destination);
        Assert.Equal(new AttachToBridge("br0", "obr0"), ops[3]);
    }

    [Fact]
    public void An_admins_bridge_and_an_ovs_bridge_not_joined_to_netTuis_are_left_out()
    {
        var ops = HostExport.Operations(SeedHost());
        Assert.DoesNotContain(ops, o => o.Describe().Contains("br9", StringComparison.Ordinal) || o.Describe().Contains("br-phy", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_NetworkManager_there_is_nothing_to_export() =>
        Assert.Empty(HostExport.Operations(SeedHost() with { NetworkManager = null }));
}
