using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Wizard;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Wizard;

/// <summary>The wizard's checks and its two plans, on snapshots made in the test.</summary>
public sealed class TunnelWizardTests
{
    /// <summary>A host with its underlay 10.10.0.x/24 on br-phy (netdev OVS), as in the lab.</summary>
    internal static HostSnapshot Host(string underlay) =>
        (HostSnapshot.Empty("h", null) with { Ovs = new OvsState("3.1.0", []) })
        .WithLink("lo", LinkKind.Loopback, "127.0.0.1/8")
        .WithOvsBridge("br-phy", "netdev")
        .Update("br-phy", l => l with { Addresses = [TestHost.Addr(underlay + "/24")] })
        .WithRoute("10.10.0.0/24", null, "br-phy", proto: "kernel");

    internal static readonly TunnelWizardInput Input = new()
    {
        LocalUnderlay = "10.10.0.1",
        PeerUnderlay = "10.10.0.2",
        LocalSubnet = "192.168.1.0/24",
        PeerSubnet = "192.168.2.0/24",
    };

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seed_layout_plan_validates_step_by_step_and_sets_the_mtu_with_a_reason()
    {
        var r = TunnelWizard.Plan(Input, Host("10.10.0.1"), Now);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(1462, r.Mtu);
        var ops = r.Local!.Operations;
        Assert.Equal(new CreateBridge("br0", "192.168.1.1/24") { Mtu = "1462" }, ops[0]);
        Assert.Contains(new CreateOvsBridge("obr0", "netdev"), ops);
        Assert.Contains(new AddOvsGrePort("obr0", "gre0", "10.10.0.2"), ops);
        Assert.Contains(new AttachToBridge("br0", "obr0"), ops);
        Assert.Contains(new AddRoute("192.168.2.0/24", Dev: "br0"), ops);
        Assert.Contains(r.Messages, m => m.StartsWith("MTU 1462 on br0 and obr0", StringComparison.Ordinal) && m.Contains("= 38", StringComparison.Ordinal));
        Assert.True(PlanValidator.Check(ops, Host("10.10.0.1"), OperationContext.Default).Ok);
    }

    [Theory]
    [InlineData(TunnelKind.OvsGre, false, 38, 1462)]
    [InlineData(TunnelKind.OvsGre, true, 42, 1458)]
    [InlineData(TunnelKind.Gre, false, 24, 1476)]
    [InlineData(TunnelKind.Gre, true, 28, 1472)]
    [InlineData(TunnelKind.Gretap, false, 38, 1462)]
    [InlineData(TunnelKind.Gretap, true, 42, 1458)]
    public void Mtu_math(TunnelKind kind, bool key, int overhead, int mtu)
    {
        Assert.Equal(overhead, GreOverhead.Bytes(kind, key));
        Assert.Equal(mtu, GreOverhead.InnerMtu(1500, kind, key));
    }

    [Fact]
    public void Mirror_plan_is_what_the_wizard_makes_on_the_peer()
    {
        var here = TunnelWizard.Plan(Input, Host("10.10.0.1"), Now);
        var there = TunnelWizard.Plan(Input.Mirror(), Host("10.10.0.2"), Now);
        Assert.True(here.Ok && there.Ok);
        Assert.Equal(OperationJson.Serialize(there.Local!.Operations), OperationJson.Serialize(here.Peer!.Operations));
        Assert.Contains(new CreateBridge("br0", "192.168.2.1/24") { Mtu = "1462" }, here.Peer.Operations);
        Assert.Contains(new AddOvsGrePort("obr0", "gre0", "10.10.0.1"), here.Peer.Operations);
        Assert.Equal(Input, Input.Mirror().Mirror());
    }

    [Fact]
    public void Overlapping_subnets_are_refused()
    {
        var r = TunnelWizard.Plan(Input with { PeerSubnet = "192.168.1.128/25" }, Host("10.10.0.1"), Now);
        Assert.Contains(r.Errors, e => e.Field == "peer-subnet" && e.Message.Contains("overlaps", StringComparison.Ordinal));
        Assert.Null(r.Local);
    }

    [Fact]
    public void A_subnet_overlapping_the_underlay_is_refused()
    {
        var r = TunnelWizard.Plan(Input with { LocalSubnet = "10.10.0.0/16" }, Host("10.10.0.1"), Now);
        Assert.Contains(r.Errors, e => e.Field == "local-subnet");
    }

    [Fact]
    public void An_unreachable_peer_is_refused()
    {
        var r = TunnelWizard.Plan(Input with { PeerUnderlay = "172.16.5.5" }, Host("10.10.0.1"), Now);
        Assert.Contains(r.Errors, e => e.Field == "peer-underlay" && e.Message.Contains("no route", StringComparison.Ordinal));
    }

    [Fact]
    public void A_local_underlay_that_is_not_this_hosts_is_refused_with_offers()
    {
        var r = TunnelWizard.Plan(Input with { LocalUnderlay = "10.10.0.7" }, Host("10.10.0.1"), Now);
        var e = Assert.Single(r.Errors, e => e.Field == "local-underlay");
        Assert.Contains("10.10.0.1 on br-phy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Taken_names_are_refused()
    {
        var host = Host("10.10.0.1").WithOvsBridge("obr0").WithLink("gre0", LinkKind.Ethernet);
        var r = TunnelWizard.Plan(Input, host, Now);
        Assert.Contains(r.Errors, e => e.Field == "ovs-bridge");
        Assert.Contains(r.Errors, e => e.Field == "port");
    }

    [Fact]
    public void An_existing_bridge_with_the_right_address_is_used_as_it_is()
    {
        var host = Host("10.10.0.1").WithBridge("br0", false, "192.168.1.1/24").WithRoute("192.168.1.0/24", null, "br0", proto: "kernel");
        var r = TunnelWizard.Plan(Input, host, Now);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.DoesNotContain(r.Local!.Operations, o => o is CreateBridge);
        Assert.Contains(r.Peer!.Operations, o => o is CreateBridge);
    }

    [Fact]
    public void An_existing_bridge_with_another_address_is_refused()
    {
        var host = Host("10.10.0.1").WithBridge("br0", false, "172.17.0.1/16");
        var r = TunnelWizard.Plan(Input, host, Now);
        Assert.Contains(r.Errors, e => e.Field == "bridge" && e.Message.Contains("172.17.0.1/16", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.10.0.x", "local-underlay")]
    [InlineData("fe80::1", "local-underlay")]
    public void Bad_addresses_are_refused_by_field(string local, string field) =>
        Assert.Contains(TunnelWizard.Plan(Input with { LocalUnderlay = local }, Host("10.10.0.1"), Now).Errors, e => e.Field == field);

    [Fact]
    public void Kernel_gre_routes_into_the_tunnel_and_keeps_the_bridge_mtu()
    {
        var r = TunnelWizard.Plan(Input with { Kind = TunnelKind.Gre, Key = "42" }, Host("10.10.0.1"), Now);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(1472, r.Mtu);
        Assert.Contains(new CreateIpTunnel("gre1", "gre", "10.10.0.2", "10.10.0.1", "42"), r.Local!.Operations);
        Assert.Contains(new AddRoute("192.168.2.0/24", Dev: "gre1"), r.Local.Operations);
        Assert.Equal(new CreateBridge("br0", "192.168.1.1/24"), r.Local.Operations[0]);
    }

    [Fact]
    public void Docker_bridge_adds_the_daemon_json_setting_to_both_plans()
    {
        var r = TunnelWizard.Plan(Input with { DockerBridge = true, DaemonJsonPath = "/a/daemon.json", PeerDaemonJsonPath = "/b/daemon.json" }, Host("10.10.0.1"), Now);
        Assert.Equal(new SetDockerDefaultBridge("br0", "/a/daemon.json"), r.Local!.Operations[^2]);
        Assert.Equal(new SetDockerDefaultBridge("br0", "/b/daemon.json"), r.Peer!.Operations[^2]);
    }
}
