using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class VxlanValuesTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("16777215", true)]
    [InlineData("0", false)]
    [InlineData("16777216", false)]
    [InlineData("-1", false)]
    [InlineData("4k", false)]
    public void Vni_is_1_to_2_pow_24_minus_1(string text, bool ok)
    {
        var p = Vni.Parse(text);
        Assert.Equal(ok, p.Ok);
        if (!ok) Assert.Equal("vni", p.Error!.Field);
    }

    [Theory]
    [InlineData("4789", true)]
    [InlineData("1", true)]
    [InlineData("65535", true)]
    [InlineData("0", false)]
    [InlineData("65536", false)]
    public void Dstport_is_a_udp_port(string text, bool ok)
    {
        var p = UdpPort.Parse(text);
        Assert.Equal(ok, p.Ok);
        if (!ok) Assert.Equal("dstport", p.Error!.Field);
    }

    [Theory]
    [InlineData("239.1.1.1", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("10.1.1.1", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void Group_must_be_multicast(string text, bool ok)
    {
        var p = MulticastGroup.Parse(text);
        Assert.Equal(ok, p.Ok);
        if (!ok) Assert.Contains("not a multicast address", p.Error!.Message, StringComparison.Ordinal);
    }
}
