using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class AddOvsVxlanPortTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithOvsBridge("obr0");

    [Fact]
    public void One_transaction_with_key_and_port()
    {
        var op = new AddOvsVxlanPort("obr0", "vxlan0", "192.168.42.131", "10.0.0.5", "42", "4790");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ovs-vsctl --timeout=10 add-port obr0 vxlan0 -- set interface vxlan0 type=vxlan options:dst_port=4790 options:key=42 options:local_ip=10.0.0.5 options:remote_ip=192.168.42.131"],
            OpAssert.Commands(op, Host));
        Assert.Equal(["ovs-vsctl --timeout=10 --no-wait --if-exists del-port obr0 vxlan0"], OpAssert.Undo(op, Host));
        Assert.Equal(new DeleteOvsPort("obr0", "vxlan0"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("obr0;x", "vxlan0", "1.2.3.4", null, null, "bridge")]
    [InlineData("obr0", "vxlan0", "1.2.3.4,key=1", null, null, "remote")]
    [InlineData("obr0", "vxlan0", "239.1.1.1", null, null, "remote")]
    [InlineData("obr0", "vxlan0", "0.0.0.0", null, null, "remote")]
    [InlineData("obr0", "vxlan0", "1.2.3.4", "0", null, "vni")]
    [InlineData("obr0", "vxlan0", "1.2.3.4", "16777216", null, "vni")]
    [InlineData("obr0", "vxlan0", "1.2.3.4", null, "0", "dstport")]
    [InlineData("obr0", "vxlan0", "1.2.3.4", null, "70000", "dstport")]
    public void Bad_fields_are_rejected(string bridge, string port, string remote, string? vni, string? dstport, string field) =>
        OpAssert.Rejected(new AddOvsVxlanPort(bridge, port, remote, Key: vni, DstPort: dstport), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new AddOvsVxlanPort("obr9", "vxlan0", "1.2.3.4"), Host, "bridge", "no OVS bridge");
        OpAssert.Rejected(new AddOvsVxlanPort("obr0", "vxlan0", "10.0.0.5"), Host, "remote", "address of this host");
        OpAssert.Rejected(new AddOvsVxlanPort("obr0", "vxlan0", "1.2.3.4", "9.9.9.9"), Host, "local", "not an address of this host");
        OpAssert.Rejected(new AddOvsVxlanPort("obr0", "vxlan0", "1.2.3.4"), Host.WithoutOvs(), "ovs");
        var tunnel = Host.WithOvsPort("obr0", "vxlan9", "vxlan", ("remote_ip", "1.2.3.4"), ("key", "42"));
        OpAssert.Rejected(new AddOvsVxlanPort("obr0", "vxlan0", "1.2.3.4", Key: "42"), tunnel, "remote", "already tunnels to 1.2.3.4");
        OpAssert.Valid(new AddOvsVxlanPort("obr0", "vxlan0", "1.2.3.4", Key: "43"), tunnel);
    }

    [Fact]
    public void Verify_reads_type_options_and_what_ovs_vswitchd_made()
    {
        var op = new AddOvsVxlanPort("obr0", "vxlan0", "1.2.3.4", Key: "42");
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        var good = Host.WithOvsPort("obr0", "vxlan0", "vxlan", ("remote_ip", "1.2.3.4"), ("key", "42"));
        Assert.Empty(op.Verify(good, OpAssert.Ctx));
        var wrongKey = Host.WithOvsPort("obr0", "vxlan0", "vxlan", ("remote_ip", "1.2.3.4"), ("key", "7"));
        Assert.Contains(op.Verify(wrongKey, OpAssert.Ctx), d => d.Contains("options:key is '7'", StringComparison.Ordinal));
        var noOfport = good with
        {
            Ovs = good.Ovs! with
            {
                Bridges = [.. good.Ovs!.Bridges.Select(b => b with { Ports = [.. b.Ports.Select(p => p.Name != "vxlan0" ? p : p with { Interfaces = [p.Interfaces[0] with { OfPort = -1 }] })] })],
            },
        };
        Assert.Contains(op.Verify(noOfport, OpAssert.Ctx), d => d.Contains("did not set it up", StringComparison.Ordinal));
    }

    [Fact]
    public void Deleting_a_vxlan_port_is_undone_by_the_same_vxlan_port()
    {
        var host = Host.WithOvsPort("obr0", "vxlan0", "vxlan", ("remote_ip", "1.2.3.4"), ("key", "42"), ("dst_port", "4790"));
        Assert.Equal(new AddOvsVxlanPort("obr0", "vxlan0", "1.2.3.4", null, "42", "4790"), new DeleteOvsPort("obr0", "vxlan0").Inverse(host, OpAssert.Ctx));
        var flow = Host.WithOvsPort("obr0", "vxlan0", "vxlan", ("remote_ip", "flow"), ("key", "flow"));
        Assert.IsType<AddOvsPort>(new DeleteOvsPort("obr0", "vxlan0").Inverse(flow, OpAssert.Ctx));
    }
}
