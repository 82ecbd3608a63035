using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class IpAddressTests
{
    [Theory]
    [InlineData("192.168.1.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("2001:db8::1")]
    [InlineData("::1")]
    public void Accepts(string text) => Assert.Equal(text, IpAddress.Parse(text).Get().ToString());

    [Theory]
    [InlineData("300.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.-4")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::g")]
    [InlineData("$(id)")]
    [InlineData("")]
    public void Refuses(string text)
    {
        var p = IpAddress.Parse(text, "remote");
        Assert.False(p.Ok);
        Assert.Equal("remote", p.Error!.Field);
    }
}
