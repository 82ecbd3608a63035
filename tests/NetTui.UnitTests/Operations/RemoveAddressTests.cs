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

    [Fact]
    public void Removing_the_last_ipv4_address_brings_back_the_routes_the_kernel_flushes()
    {
        var host = Host.WithRoute("10.9.0.0/16", null, "br0", metric: 3);
        var op = new RemoveAddress("br0", "192.168.1.1/24");
        Assert.Equal(["ip addr add 192.168.1.1/24 dev br0", "ip route add 10.9.0.0/16 dev br0 metric 3"], OpAssert.Undo(op, host));
        var inv = Assert.IsType<AddAddress>(op.Inverse(host, OpAssert.Ctx));
        Assert.Equal([new AddRoute("10.9.0.0/16", null, "br0", "3")], inv.Routes);
        Assert.Contains(op.Consequences(host), c => c.Contains("10.9.0.0/16", StringComparison.Ordinal));
        // With another IPv4 address left, the kernel keeps the routes.
        var two = host.Update("br0", l => l with { Addresses = l.Addresses.Add(TestHost.Addr("192.168.7.1/24")) });
        Assert.Empty(Assert.IsType<AddAddress>(op.Inverse(two, OpAssert.Ctx)).Routes);
    }

    [Fact]
    public void Keep_routes_adds_the_flushed_routes_back_in_the_plan()
    {
        var host = Host.WithRoute("10.9.0.0/16", null, "br0", metric: 3);
        var op = new RemoveAddress("br0", "192.168.1.1/24") { KeepRoutes = true };
        Assert.Equal(["ip addr del 192.168.1.1/24 dev br0", "ip route add 10.9.0.0/16 dev br0 metric 3"], OpAssert.Commands(op, host));
        Assert.Empty(Assert.IsType<AddAddress>(op.Inverse(host, OpAssert.Ctx)).Routes);
    }
}
