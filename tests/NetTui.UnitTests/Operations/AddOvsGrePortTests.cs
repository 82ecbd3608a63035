using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class AddOvsGrePortTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithOvsBridge("obr0");

    [Fact]
    public void One_transaction_never_two_steps()
    {
        var op = new AddOvsGrePort("obr0", "gre0", "192.168.42.131", "10.0.0.5", "42");
        OpAssert.Valid(op, Host);
        var cmds = OpAssert.Commands(op, Host);
        Assert.Equal(["ovs-vsctl --timeout=10 add-port obr0 gre0 -- set interface gre0 type=gre options:key=42 options:local_ip=10.0.0.5 options:remote_ip=192.168.42.131"], cmds);
        Assert.Equal(["ovs-vsctl --timeout=10 --no-wait --if-exists del-port obr0 gre0"], OpAssert.Undo(op, Host));
        Assert.Equal(new DeleteOvsPort("obr0", "gre0"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("obr0;reboot", "gre0", "1.2.3.4", null, null, "bridge")]
    [InlineData("obr0", "$(id)", "1.2.3.4", null, null, "port")]
    [InlineData("obr0", "gre0", "300.1.1.1", null, null, "remote")]
    [InlineData("obr0", "gre0", "1.2.3.4,key=1", null, null, "remote")]
    [InlineData("obr0", "gre0", "", null, null, "remote")]
    [InlineData("obr0", "gre0", "127.0.0.1", null, null, "remote")]
    [InlineData("obr0", "gre0", "1.2.3.4", "1.2.3", null, "local")]
    [InlineData("obr0", "gre0", "1.2.3.4", "::1", null, "local")]
    [InlineData("obr0", "gre0", "1.2.3.4", null, "4294967296", "key")]
    [InlineData("obr0", "gre0", "1.2.3.4", null, "-1", "key")]
    [InlineData("obr0", "gre0", "1.2.3.4", null, "0x10", "key")]
    public void Bad_fields_are_rejected(string bridge, string port, string remote, string? local, string? key, string field) =>
        OpAssert.Rejected(new AddOvsGrePort(bridge, port, remote, local, key), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new AddOvsGrePort("obr9", "gre0", "1.2.3.4"), Host, "bridge", "no OVS bridge");
        OpAssert.Rejected(new AddOvsGrePort("br0", "gre0", "1.2.3.4"), Host.WithBridge("br0"), "bridge", "Linux bridge");
        OpAssert.Rejected(new AddOvsGrePort("obr0", "gre0", "1.2.3.4"), Host.WithOvsPort("obr0", "gre0", "gre"), "port", "already exists");
        OpAssert.Rejected(new AddOvsGrePort("obr0", "gre0", "10.0.0.5"), Host, "remote", "address of this host");
        OpAssert.Rejected(new AddOvsGrePort("obr0", "gre0", "1.2.3.4", "9.9.9.9"), Host, "local", "not an address of this host");
        OpAssert.Rejected(new AddOvsGrePort("obr0", "gre0", "1.2.3.4"), Host.WithoutOvs(), "ovs");
        var tunnel = Host.WithOvsPort("obr0", "gre9", "gre", ("remote_ip", "1.2.3.4"));
        OpAssert.Rejected(new AddOvsGrePort("obr0", "gre0", "1.2.3.4"), tunnel, "remote", "already tunnels to 1.2.3.4");
        OpAssert.Valid(new AddOvsGrePort("obr0", "gre0", "1.2.3.4", Key: "2"), tunnel);
    }

    [Fact]
    public void Verify_reports_the_ovs_error_column()
    {
        var op = new AddOvsGrePort("obr0", "gre0", "192.168.42.131");
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        var good = Host.WithOvsPort("obr0", "gre0", "gre", ("remote_ip", "192.168.42.131"));
        Assert.Empty(op.Verify(good, OpAssert.Ctx));
        // What the seed's two-step form leaves behind: a typeless row with an error.
        var seed = Host.WithOvsPort("obr0", "gre0", "");
        seed = seed with
        {
            Ovs = seed.Ovs! with
            {
                Bridges = [.. seed.Ovs!.Bridges.Select(b => b with { Ports = [.. b.Ports.Select(p => p.Name != "gre0" ? p : p with { Interfaces = [p.Interfaces[0] with { Error = "could not open network device gre0 (No such device)" }] })] })],
            },
        };
        var diffs = op.Verify(seed, OpAssert.Ctx);
        Assert.Contains(diffs, d => d.Contains("type is ''", StringComparison.Ordinal));
        Assert.Contains(diffs, d => d.Contains("could not open network device gre0", StringComparison.Ordinal));
    }
}
