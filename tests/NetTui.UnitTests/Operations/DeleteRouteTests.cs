using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class DeleteRouteTests
{
    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithRoute("192.168.2.0/24", "10.0.0.1", "eth0", metric: 5)
        .WithRoute("192.168.3.0/24", "10.0.0.1", "eth0", metric: 5)
        .WithRoute("192.168.3.0/24", "10.0.0.2", "eth0", metric: 9)
        .WithRoute("10.20.0.0/16", null, "eth0", table: "100");

    [Fact]
    public void Deletes_exactly_the_matched_route_and_undo_restores_all_its_fields()
    {
        var op = new DeleteRoute("192.168.2.0/24");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip route del 192.168.2.0/24 via 10.0.0.1 dev eth0 metric 5"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip route add 192.168.2.0/24 via 10.0.0.1 dev eth0 metric 5"], OpAssert.Undo(op, Host));
        Assert.Equal(new AddRoute("192.168.2.0/24", "10.0.0.1", "eth0", "5"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Fact]
    public void Tables_other_than_main()
    {
        var op = new DeleteRoute("10.20.0.0/16", Table: "100");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip route del 10.20.0.0/16 dev eth0 table 100"], OpAssert.Commands(op, Host));
        OpAssert.Rejected(new DeleteRoute("10.20.0.0/16"), Host, "destination", "no route");
    }

    [Fact]
    public void Ambiguous_selection_is_refused()
    {
        OpAssert.Rejected(new DeleteRoute("192.168.3.0/24"), Host, "destination", "2 routes");
        OpAssert.Valid(new DeleteRoute("192.168.3.0/24", Metric: "9"), Host);
        OpAssert.Valid(new DeleteRoute("192.168.3.0/24", Via: "10.0.0.1"), Host);
    }

    [Theory]
    [InlineData("300.1.1.0/24", null, null, null, null, "destination")]
    [InlineData("192.168.2.0/24", "x", null, null, null, "via")]
    [InlineData("192.168.2.0/24", null, "$(id)", null, null, "dev")]
    [InlineData("192.168.2.0/24", null, null, "-5", null, "metric")]
    [InlineData("192.168.2.0/24", null, null, null, "mian", "table")]
    public void Bad_fields_are_rejected(string dest, string? via, string? dev, string? metric, string? table, string field) =>
        OpAssert.Rejected(new DeleteRoute(dest, via, dev, metric, table), Host, field);

    [Fact]
    public void Verify() =>
        Assert.NotEmpty(new DeleteRoute("192.168.2.0/24").Verify(Host, OpAssert.Ctx));

    [Fact]
    public void The_ipv6_default_route_keeps_its_family()
    {
        var host = TestHost.Basic().Update("eth0", l => l with { Addresses = l.Addresses.Add(TestHost.Addr("2001:db8::5/64")) });
        host = host with { Routes = host.Routes.Add(new Route(AddressFamily.Inet6, "default", "2001:db8::1", "eth0", "static", "global", 1024, "main", "unicast")) };
        var op = new DeleteRoute("::/0");
        OpAssert.Valid(op, host);
        Assert.Equal(["ip route del ::/0 via 2001:db8::1 dev eth0 metric 1024"], OpAssert.Commands(op, host));
        var inv = Assert.IsType<AddRoute>(op.Inverse(host, OpAssert.Ctx));
        Assert.Equal("::/0", inv.Destination);
        Assert.Empty(inv.CheckFields());
    }
}
