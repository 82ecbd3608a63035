using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class AddRouteTests
{
    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithLink("ens33", LinkKind.Ethernet, "192.168.42.130/24")
        .WithRoute("192.168.42.0/24", null, "ens33", proto: "kernel");

    [Fact]
    public void Plans_the_seed_route()
    {
        var op = new AddRoute("192.168.2.0/24", "192.168.42.131", "ens33");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip route add 192.168.2.0/24 via 192.168.42.131 dev ens33"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip route del 192.168.2.0/24 via 192.168.42.131 dev ens33"], OpAssert.Undo(op, Host));
        Assert.Equal("route add -net 192.168.2.0 netmask 255.255.255.0 gw 192.168.42.131 dev ens33", ((CommandStep)op.Plan(Host, OpAssert.Ctx)[0]).Classic);
        Assert.Equal(new DeleteRoute("192.168.2.0/24", "192.168.42.131", "ens33"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Fact]
    public void Metric_and_table()
    {
        var op = new AddRoute("10.9.0.0/16", Dev: "ens33", Metric: "100", Table: "200");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip route add 10.9.0.0/16 dev ens33 metric 100 table 200"], OpAssert.Commands(op, Host));
        // "main" is the default table: it is not spelled out.
        Assert.Equal(["ip route add 10.8.0.0/16 via 10.0.0.1"], OpAssert.Commands(new AddRoute("10.8.0.0/16", "10.0.0.1", Table: "main"), Host));
    }

    [Theory]
    [InlineData("300.1.1.0/24", "192.168.42.131", null, null, null, "destination")]
    [InlineData("192.168.2.1/24", "192.168.42.131", null, null, null, "destination")]
    [InlineData("$(id)", "192.168.42.131", null, null, null, "destination")]
    [InlineData("192.168.2.0/24", "192.168.42.300", null, null, null, "via")]
    [InlineData("192.168.2.0/24", null, "ens33;reboot", null, null, "dev")]
    [InlineData("192.168.2.0/24", null, "abcdefghijklmnop", null, null, "dev")]
    [InlineData("192.168.2.0/24", null, "ens33", "-1", null, "metric")]
    [InlineData("192.168.2.0/24", null, "ens33", "4294967296", null, "metric")]
    [InlineData("192.168.2.0/24", null, "ens33", null, "0", "table")]
    [InlineData("192.168.2.0/24", null, "ens33", null, "4294967296", "table")]
    [InlineData("192.168.2.0/24", null, "ens33", null, "main;reboot", "table")]
    [InlineData("192.168.2.0/24", null, null, null, null, "via")]
    [InlineData("192.168.2.0/24", "2001:db8::1", null, null, null, "via")]
    public void Bad_fields_are_rejected(string dest, string? via, string? dev, string? metric, string? table, string field) =>
        OpAssert.Rejected(new AddRoute(dest, via, dev, metric, table), Host, field);

    [Fact]
    public void The_gateway_must_be_on_link()
    {
        OpAssert.Rejected(new AddRoute("192.168.2.0/24", "172.16.0.1"), Host, "via", "not reachable on-link");
        OpAssert.Rejected(new AddRoute("192.168.2.0/24", "10.0.0.1", "ens33"), Host, "via", "on ens33");
        OpAssert.Valid(new AddRoute("192.168.2.0/24", "10.0.0.1"), Host);
    }

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new AddRoute("192.168.2.0/24", Dev: "nope0"), Host, "dev");
        OpAssert.Rejected(new AddRoute("default", "10.0.0.1"), Host, "destination", "already exists");
        OpAssert.Valid(new AddRoute("default", "10.0.0.1", Metric: "200"), Host);
        OpAssert.Valid(new AddRoute("default", "10.0.0.1", Table: "100"), Host);
    }

    [Fact]
    public void Verify()
    {
        var op = new AddRoute("192.168.2.0/24", "192.168.42.131", "ens33");
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        Assert.Empty(op.Verify(Host.WithRoute("192.168.2.0/24", "192.168.42.131", "ens33", proto: "boot"), OpAssert.Ctx));
        var tabled = new AddRoute("10.9.0.0/16", Dev: "ens33", Table: "200");
        Assert.NotEmpty(tabled.Verify(Host.WithRoute("10.9.0.0/16", null, "ens33"), OpAssert.Ctx));
        Assert.Empty(tabled.Verify(Host.WithRoute("10.9.0.0/16", null, "ens33", table: "200"), OpAssert.Ctx));
    }
}
