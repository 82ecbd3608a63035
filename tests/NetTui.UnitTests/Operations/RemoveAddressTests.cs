using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class RemoveAddressTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithBridge("br0", false, "192.168.1.1/24");

    [Fact]
    public void Plan_and_undo()
    {
        var op = new RemoveAddress("br0", "192.168.1.1/24");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip addr del 192.168.1.1/24 dev br0"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip addr add 192.168.1.1/24 dev br0"], OpAssert.Undo(op, Host));
        Assert.Equal(new AddAddress("br0", "192.168.1.1/24"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("br0;reboot", "192.168.1.1/24", "interface")]
    [InlineData("br0", "192.168.1.1/99", "address")]
    [InlineData("br0", "$(id)", "address")]
    public void Bad_fields_are_rejected(string iface, string address, string field) =>
        OpAssert.Rejected(new RemoveAddress(iface, address), Host, field);

    [Fact]
    public void The_address_must_be_there_with_that_prefix()
    {
        OpAssert.Rejected(new RemoveAddress("br0", "192.168.1.1/16"), Host, "address", "does not have");
        OpAssert.Rejected(new RemoveAddress("nope0", "192.168.1.1/24"), Host, "interface");
    }

    [Fact]
    public void Verify()
    {
        var op = new RemoveAddress("br0", "192.168.1.1/24");
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        Assert.Empty(op.Verify(TestHost.Basic().WithBridge("br0"), OpAssert.Ctx));
    }
}
