using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Wizard;


namespace NetTui.UnitTests.Wizard;

/// <summary>The wizard's `vxlan` and `ovs-vxlan` kinds: the same peer plan, VXLAN's 50 bytes, the VNI, the firewall note.</summary>
public sealed class VxlanWizardTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static readonly TunnelWizardInput Vxlan = TunnelWizardTests.Input with { Kind = TunnelKind.Vxlan, Key = "42" };

    [Theory]
    [InlineData(TunnelKind.Vxlan, false)]
    [InlineData(TunnelKind.OvsVxlan, true)]
    public void Overhead_is_50_bytes_over_ipv4_key_or_not(TunnelKind kind, bool key)
    {
        Assert.Equal(50, GreOverhead.Bytes(kind, key));
        Assert.Equal(1450, GreOverhead.InnerMtu(1500, kind, key));
        Assert.Contains("8 (UDP) + 8 (VXLAN) + 14 (inner Ethernet) = 50", GreOverhead.Explain(kind, key), StringComparison.Ordinal);
    }

    [Fact]
    public void Kernel_vxlan_is_a_bridge_port_with_the_mtu_set_and_the_same_peer_plan()
    {
        var r = TunnelWizard.Plan(Vxlan, TunnelWizardTests.Host("10.10.0.1"), Now);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(1450, r.Mtu);
        Assert.Equal<Operation>([
            new CreateBridge("br0", "192.168.1.1/24") { Mtu = "1450" },
            new CreateVxlan("vxlan0", "42", "10.10.0.2", Local: "10.10.0.1", Mtu: "1450"),
            new AttachToBridge("br0", "vxlan0"),
            new AddRoute("192.168.2.0/24", Dev: "br0"),
        ], r.Local!.Operations);
        Assert.True(PlanValidator.Check(r.Local.Operations, TunnelWizardTests.Host("10.10.0.1"), OperationContext.Default).Ok);
        var there = TunnelWizard.Plan(Vxlan.Mirror(), TunnelWizardTests.Host("10.10.0.2"), Now);
        Assert.Equal(OperationJson.Serialize(there.Local!.Operations), OperationJson.Serialize(r.Peer!.Operations));
        Assert.Contains(r.Messages, m => m.StartsWith("MTU 1450 on br0 and vxlan0", StringComparison.Ordinal) && m.Contains("VXLAN adds", StringComparison.Ordinal));
        Assert.Contains(r.Messages, m => m.Contains("firewall: NOT checked", StringComparison.Ordinal) && m.Contains("UDP 4789", StringComparison.Ordinal));
    }

    [Fact]
    public void Ovs_vxlan_puts_a_vxlan_port_with_the_vni_on_obr0()
    {
        var r = TunnelWizard.Plan(Vxlan with { Kind = TunnelKind.OvsVxlan }, TunnelWizardTests.Host("10.10.0.1"), Now);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Contains(new AddOvsVxlanPort("obr0", "vxlan0", "10.10.0.2", Key: "42"), r.Local!.Operations);
        Assert.Contains(new AddOvsVxlanPort("obr0", "vxlan0", "10.10.0.1", Key: "42"), r.Peer!.Operations);
        Assert.Contains(new SetMtu("obr0", "1450"), r.Local.Operations);
        Assert.True(PlanValidator.Check(r.Local.Operations, TunnelWizardTests.Host("10.10.0.1"), OperationContext.Default).Ok);
    }

    [Theory]
    [InlineData(null, "needs a VNI")]
    [InlineData("0", "out of range")]
    [InlineData("16777216", "out of range")]
    public void The_vni_is_required_and_in_range(string? vni, string message)
    {
        var r = TunnelWizard.Plan(Vxlan with { Key = vni }, TunnelWizardTests.Host("10.10.0.1"), Now);
        var e = Assert.Single(r.Errors);
        Assert.Equal("vni", e.Field);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_words_round_trip()
    {
        foreach (var w in TunnelKinds.Words) Assert.Equal(w, TunnelKinds.Parse(w).Word());
    }
}
