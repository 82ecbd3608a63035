using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class CreateIpTunnelTests
{
    private static readonly HostSnapshot Host = TestHost.Basic();

    [Fact]
    public void Plan_has_every_parameter()
    {
        var op = new CreateIpTunnel("gre1", "gre", "192.168.42.131", "10.0.0.5", "42", "64");
        OpAssert.Valid(op, Host);
        Assert.Equal([
            "ip link add name gre1 type gre remote 192.168.42.131 local 10.0.0.5 key 42 ttl 64",
            "ip link set dev gre1 up",
        ], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link del dev gre1", "ip link set dev gre1 down"], OpAssert.Undo(op, Host));
        Assert.Equal(["ip link add name tap1 type gretap remote 192.168.42.131", "ip link set dev tap1 up"],
            OpAssert.Commands(new CreateIpTunnel("tap1", "gretap", "192.168.42.131"), Host));
        Assert.Equal(new DeleteIpTunnel("gre1"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("gre1;reboot", "gre", "1.2.3.4", null, null, null, "name")]
    [InlineData("$(id)", "gre", "1.2.3.4", null, null, null, "name")]
    [InlineData("abcdefghijklmnop", "gre", "1.2.3.4", null, null, null, "name")]
    [InlineData("gre1", "ipip", "1.2.3.4", null, null, null, "mode")]
    [InlineData("gre1", "gre", "300.1.1.1", null, null, null, "remote")]
    [InlineData("gre1", "gre", "2001:db8::1", null, null, null, "remote")]
    [InlineData("gre1", "gre", "1.2.3.4", "1.2.3.4", null, null, "remote")]
    [InlineData("gre1", "gre", "1.2.3.4", "nope", null, null, "local")]
    [InlineData("gre1", "gre", "1.2.3.4", null, "4294967296", null, "key")]
    [InlineData("gre1", "gre", "1.2.3.4", null, "abc", null, "key")]
    [InlineData("gre1", "gre", "1.2.3.4", null, null, "0", "ttl")]
    [InlineData("gre1", "gre", "1.2.3.4", null, null, "256", "ttl")]
    public void Bad_fields_are_rejected(string name, string mode, string remote, string? local, string? key, string? ttl, string field) =>
        OpAssert.Rejected(new CreateIpTunnel(name, mode, remote, local, key, ttl), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new CreateIpTunnel("eth0", "gre", "1.2.3.4"), Host, "name", "already exists");
        OpAssert.Rejected(new CreateIpTunnel("gre1", "gre", "10.0.0.5"), Host, "remote", "address of this host");
        OpAssert.Rejected(new CreateIpTunnel("gre1", "gre", "1.2.3.4", "9.9.9.9"), Host, "local");
    }

    [Fact]
    public void Verify_compares_kind_and_parameters()
    {
        var op = new CreateIpTunnel("gre1", "gre", "1.2.3.4", Key: "5");
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        var after = Host.WithLink(new Link(9, "gre1", LinkKind.Gre, "UNKNOWN", true, 1476, null, null, null, null, [], null, new TunnelInfo("1.2.3.4", null, 5, null)));
        Assert.Empty(op.Verify(after, OpAssert.Ctx));
        var wrongKey = after.Update("gre1", l => l with { Tunnel = l.Tunnel! with { Key = 6 } });
        Assert.Contains(op.Verify(wrongKey, OpAssert.Ctx), d => d.Contains("key is 6", StringComparison.Ordinal));
    }
}
