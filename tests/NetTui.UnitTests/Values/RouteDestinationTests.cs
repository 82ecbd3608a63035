using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class RouteDestinationTests
{
    [Theory]
    [InlineData("default", "default")]
    [InlineData("0.0.0.0/0", "default")]
    [InlineData("192.168.2.0/24", "192.168.2.0/24")]
    [InlineData("192.168.2.0 255.255.255.0", "192.168.2.0/24")]
    [InlineData("10.1.2.3", "10.1.2.3/32")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("::/0", "::/0")]
    public void Accepts(string text, string canonical) => Assert.Equal(canonical, RouteDestination.Parse(text).Get().ToString());

    [Theory]
    [InlineData("192.168.2.1/24", "did you mean 192.168.2.0/24")]
    [InlineData("300.0.0.0/8", "above 255")]
    [InlineData("", "required")]
    public void Refuses(string text, string why)
    {
        var p = RouteDestination.Parse(text);
        Assert.Equal("destination", p.Error!.Field);
        Assert.Contains(why, p.Error.Message, StringComparison.Ordinal);
    }
}
