using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class SetMtuTests
{
    private static readonly HostSnapshot Host = TestHost.Basic();

    [Fact]
    public void Plan_undo_inverse_verify()
    {
        var op = new SetMtu("eth0", "1400");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip link set dev eth0 mtu 1400"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link set dev eth0 mtu 1500"], OpAssert.Undo(op, Host));
        Assert.Equal(new SetMtu("eth0", "1500"), op.Inverse(Host, OpAssert.Ctx));
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        Assert.Empty(op.Verify(Host.Update("eth0", l => l with { Mtu = 1400 }), OpAssert.Ctx));
    }

    [Theory]
    [InlineData("eth0;reboot", "1400", "interface")]
    [InlineData("eth0", "67", "mtu")]
    [InlineData("eth0", "65536", "mtu")]
    [InlineData("eth0", "-1", "mtu")]
    [InlineData("eth0", "1500;reboot", "mtu")]
    [InlineData("eth0", "", "mtu")]
    public void Bad_fields_are_rejected(string iface, string mtu, string field) =>
        OpAssert.Rejected(new SetMtu(iface, mtu), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new SetMtu("nope0", "1400"), Host, "interface");
        OpAssert.Rejected(new SetMtu("eth0", "1500"), Host, "mtu", "already");
    }
}
