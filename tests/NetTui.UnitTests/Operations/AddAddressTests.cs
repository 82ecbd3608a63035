using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class AddAddressTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithBridge("docker0", false, "172.17.0.1/16");

    [Fact]
    public void Accepts_the_seed_netmask_form()
    {
        var op = new AddAddress("docker0", "192.168.40.100 255.255.255.0");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip addr add 192.168.40.100/24 dev docker0"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip addr del 192.168.40.100/24 dev docker0"], OpAssert.Undo(op, Host));
        Assert.Equal("ifconfig docker0 192.168.40.100 netmask 255.255.255.0", ((CommandStep)op.Plan(Host, OpAssert.Ctx)[0]).Classic);
    }

    [Theory]
    [InlineData("br0;reboot", "10.1.1.1/24", "interface")]
    [InlineData("$(id)", "10.1.1.1/24", "interface")]
    [InlineData("abcdefghijklmnop", "10.1.1.1/24", "interface")]
    [InlineData("docker0", "300.1.1.1/24", "address")]
    [InlineData("docker0", "10.1.1.1 255.0.255.0", "address")]
    [InlineData("docker0", "10.1.1.1/40", "address")]
    [InlineData("docker0", "10.1.1.1/-1", "address")]
    [InlineData("docker0", "10.1.1", "address")]
    public void Bad_fields_are_rejected(string iface, string address, string field) =>
        OpAssert.Rejected(new AddAddress(iface, address), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new AddAddress("nope0", "10.1.1.1/24"), Host, "interface", "no interface");
        OpAssert.Rejected(new AddAddress("docker0", "10.0.0.5/24"), Host, "address", "already used on eth0");
        OpAssert.Rejected(new AddAddress("docker0", "172.17.0.1/16"), Host, "address", "already has");
        var two = Host.WithBridge("br0", false, "192.168.100.1/24");
        OpAssert.Rejected(new AddAddress("docker0", "192.168.100.50/24"), two, "address", "overlaps");
    }

    [Fact]
    public void Inverse_and_verify()
    {
        var op = new AddAddress("docker0", "192.168.40.100/255.255.255.0");
        Assert.Equal(new RemoveAddress("docker0", "192.168.40.100/24") { KeepRoutes = true }, op.Inverse(Host, OpAssert.Ctx));
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        var after = Host.Update("docker0", l => l with { Addresses = l.Addresses.Add(TestHost.Addr("192.168.40.100/24")) });
        Assert.Empty(op.Verify(after, OpAssert.Ctx));
    }
}
