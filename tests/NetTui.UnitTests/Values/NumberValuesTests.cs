using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class NumberValuesTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("4294967295", true)]
    [InlineData("4294967296", false)]
    [InlineData("-1", false)]
    [InlineData("0x10", false)]
    [InlineData("1e3", false)]
    [InlineData("42;reboot", false)]
    [InlineData("", false)]
    public void GreKey_is_a_uint32(string text, bool ok)
    {
        var p = GreKey.Parse(text);
        Assert.Equal(ok, p.Ok);
        if (!ok) Assert.Equal("key", p.Error!.Field);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("4294967295", true)]
    [InlineData("-1", false)]
    [InlineData("4294967296", false)]
    [InlineData("99999999999999999999999", false)]
    public void Metric(string text, bool ok) => Assert.Equal(ok, NetTui.Core.Values.Metric.Parse(text).Ok);

    [Theory]
    [InlineData("68", true)]
    [InlineData("1500", true)]
    [InlineData("65535", true)]
    [InlineData("67", false)]
    [InlineData("65536", false)]
    public void Mtu(string text, bool ok) => Assert.Equal(ok, NetTui.Core.Values.Mtu.Parse(text).Ok);

    [Theory]
    [InlineData("1", true)]
    [InlineData("255", true)]
    [InlineData("0", false)]
    [InlineData("256", false)]
    public void Ttl(string text, bool ok) => Assert.Equal(ok, NetTui.Core.Values.Ttl.Parse(text).Ok);

    [Theory]
    [InlineData("main", 254u, "main")]
    [InlineData("local", 255u, "local")]
    [InlineData("default", 253u, "default")]
    [InlineData("254", 254u, "main")]
    [InlineData("100", 100u, "100")]
    [InlineData("4294967295", 4294967295u, "4294967295")]
    public void RouteTable_accepts_numbers_and_names(string text, uint id, string name)
    {
        var t = RouteTable.Parse(text).Get();
        Assert.Equal(id, t.Id);
        Assert.Equal(name, t.Name);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4294967296")]
    [InlineData("mian")]
    [InlineData("-3")]
    public void RouteTable_refuses(string text) => Assert.Equal("table", RouteTable.Parse(text).Error!.Field);
}
