using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class CreateVxlanTests
{
    private static readonly HostSnapshot Host = TestHost.Basic();

    internal static Link VxlanLink(string name, uint vni, string? remote, string? local = null, int port = 4789, string? group = null, string? underlay = null,
        bool learning = true, int mtu = 1450, bool up = true) =>
        new(20, name, LinkKind.Vxlan, up ? "UNKNOWN" : "DOWN", up, mtu, "02:00:00:00:00:20", null, null, null, [], null,
            new TunnelInfo(remote, local, vni, null) { Group = group, DstPort = port, Learning = learning, Underlay = underlay });

    [Fact]
    public void Plan_gives_every_parameter_and_always_the_port()
    {
        var op = new CreateVxlan("vxlan0", "42", "10.0.0.9", Local: "10.0.0.5", Underlay: "eth0", Mtu: "1450") { Learning = false };
        OpAssert.Valid(op, Host);
        Assert.Equal([
            "ip link add name vxlan0 type vxlan id 42 remote 10.0.0.9 local 10.0.0.5 dstport 4789 dev eth0 nolearning",
            "ip link set dev vxlan0 mtu 1450",
            "ip link set dev vxlan0 up",
        ], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link del dev vxlan0", "ip link set dev vxlan0 down"], OpAssert.Undo(op, Host));
        Assert.Equal(["ip link add name vx1 type vxlan id 7 group 239.1.1.1 dstport 8472 dev eth0", "ip link set dev vx1 up"],
            OpAssert.Commands(new CreateVxlan("vx1", "7", Group: "239.1.1.1", DstPort: "8472", Underlay: "eth0"), Host));
        Assert.Equal(new DeleteVxlan("vxlan0"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("vx;reboot", "42", "1.2.3.4", null, null, null, "name")]
    [InlineData("vx0", "0", "1.2.3.4", null, null, null, "vni")]
    [InlineData("vx0", "16777216", "1.2.3.4", null, null, null, "vni")]
    [InlineData("vx0", "abc", "1.2.3.4", null, null, null, "vni")]
    [InlineData("vx0", "42", "1.2.3.4", null, "0", null, "dstport")]
    [InlineData("vx0", "42", "1.2.3.4", null, "65536", null, "dstport")]
    [InlineData("vx0", "42", "300.1.1.1", null, null, null, "remote")]
    [InlineData("vx0", "42", "127.0.0.1", null, null, null, "remote")]
    [InlineData("vx0", "42", "239.1.1.1", null, null, null, "remote")]
    [InlineData("vx0", "42", null, null, null, null, "remote")]
    [InlineData("vx0", "42", null, "10.1.1.1", null, "eth0", "group")]
    [InlineData("vx0", "42", null, "239.1.1.1", null, null, "underlay")]
    [InlineData("vx0", "42", "1.2.3.4", "239.1.1.1", null, "eth0", "remote")]
    public void Bad_fields_are_rejected(string name, string vni, string? remote, string? group, string? port, string? underlay, string field) =>
        OpAssert.Rejected(new CreateVxlan(name, vni, remote, group, DstPort: port, Underlay: underlay), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new CreateVxlan("eth0", "42", "1.2.3.4"), Host, "name", "already exists");
        OpAssert.Rejected(new CreateVxlan("vx0", "42", "10.0.0.5"), Host, "remote", "address of this host");
        OpAssert.Rejected(new CreateVxlan("vx0", "42", "1.2.3.4", Local: "9.9.9.9"), Host, "local", "not an address of this host");
        OpAssert.Rejected(new CreateVxlan("vx0", "42", "1.2.3.4", Underlay: "eth9"), Host, "underlay", "no interface eth9");
        var taken = Host.WithLink(VxlanLink("vx9", 42, "1.2.3.5"));
        OpAssert.Rejected(new CreateVxlan("vx0", "42", "1.2.3.4"), taken, "vni", "already uses VNI 42");
        OpAssert.Valid(new CreateVxlan("vx0", "42", "1.2.3.4", DstPort: "4790"), taken);
    }

    [Fact]
    public void Verify_reads_vni_remote_port_learning_and_mtu_back()
    {
        var op = new CreateVxlan("vx0", "42", "1.2.3.4", Mtu: "1400");
        Assert.Equal(["VXLAN vx0 does not exist"], op.Verify(Host, OpAssert.Ctx));
        var after = Host.WithLink(VxlanLink("vx0", 42, "1.2.3.4", mtu: 1400));
        Assert.Empty(op.Verify(after, OpAssert.Ctx));
        Assert.Contains(op.Verify(after.Update("vx0", l => l with { Tunnel = l.Tunnel! with { Key = 43 } }), OpAssert.Ctx), d => d.Contains("VNI is 43", StringComparison.Ordinal));
        Assert.Contains(op.Verify(after.Update("vx0", l => l with { Tunnel = l.Tunnel! with { DstPort = 8472 } }), OpAssert.Ctx), d => d.Contains("dstport is 8472", StringComparison.Ordinal));
        Assert.Contains(op.Verify(after.Update("vx0", l => l with { Tunnel = l.Tunnel! with { Learning = false } }), OpAssert.Ctx), d => d.Contains("learning is False", StringComparison.Ordinal));
        Assert.Contains(op.Verify(after.Update("vx0", l => l with { Mtu = 1450 }), OpAssert.Ctx), d => d.Contains("MTU is 1450", StringComparison.Ordinal));
        Assert.Contains(op.Verify(after.Update("vx0", l => l with { AdminUp = false }), OpAssert.Ctx), d => d.Contains("down", StringComparison.Ordinal));
        Assert.Contains(op.Verify(after.Update("vx0", l => l with { Kind = LinkKind.Bridge }), OpAssert.Ctx), d => d.Contains("expected vxlan", StringComparison.Ordinal));
    }

    [Fact]
    public void Round_trips_through_plan_json()
    {
        var op = new CreateVxlan("vx0", "42", Group: "239.1.1.1", Underlay: "eth0") { Learning = false, Up = false };
        var json = OperationJson.Serialize((Operation)op);
        Assert.Contains("\"op\": \"vxlan.add\"", json);
        Assert.Equal(op, OperationJson.Deserialize(json));
        Assert.True(((CreateVxlan)OperationJson.Deserialize("""{"op":"vxlan.add","name":"v","vni":"1","remote":"1.2.3.4"}""")!).Learning);
    }
}
