using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class IpPrefixTests
{
    [Theory]
    [InlineData("192.168.100.1/24", "192.168.100.1/24", "192.168.100.0/24")]
    [InlineData("192.168.40.100 255.255.255.0", "192.168.40.100/24", "192.168.40.0/24")]
    [InlineData("192.168.40.100/255.255.0.0", "192.168.40.100/16", "192.168.0.0/16")]
    [InlineData("10.0.0.1/0.0.0.0", "10.0.0.1/0", "0.0.0.0/0")]
    [InlineData("10.0.0.1/32", "10.0.0.1/32", "10.0.0.1/32")]
    [InlineData("2001:db8::1/64", "2001:db8::1/64", "2001:db8::/64")]
    public void Accepts_prefix_or_netmask(string text, string canonical, string network)
    {
        var p = IpPrefix.Parse(text).Get();
        Assert.Equal(canonical, p.ToString());
        Assert.Equal(network, p.Network.ToString());
    }

    [Fact]
    public void Address_and_netmask_given_separately() =>
        Assert.Equal("192.168.40.100/24", IpPrefix.FromNetmask("192.168.40.100", "255.255.255.0").Get().ToString());

    [Theory]
    [InlineData("300.1.1.1/24", "above 255")]
    [InlineData("192.168.1.1/33", "above 32")]
    [InlineData("2001:db8::1/129", "above 128")]
    [InlineData("192.168.1.1 255.0.255.0", "not contiguous")]
    [InlineData("192.168.1.1/255.255.255.1", "not contiguous")]
    [InlineData("192.168.1.1", "no prefix length")]
    [InlineData("192.168.1.1/", "not a prefix length")]
    [InlineData("192.168.1.1/-1", "not a prefix length")]
    [InlineData("192.168.1.1/2x", "not a prefix length")]
    [InlineData("192.168.1.1/256.0.0.0", "not a valid netmask")]
    public void Refuses_with_the_reason(string text, string why)
    {
        var p = IpPrefix.Parse(text, "address");
        Assert.False(p.Ok);
        Assert.Equal("address", p.Error!.Field);
        Assert.Contains(why, p.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_netmask_given_separately_names_the_netmask_field() =>
        Assert.Equal("netmask", IpPrefix.FromNetmask("10.0.0.1", "255.0.255.0").Error!.Field);

    [Fact]
    public void Overlap_and_contains()
    {
        var a = IpPrefix.Parse("192.168.0.1/16").Get();
        var b = IpPrefix.Parse("192.168.100.1/24").Get();
        var c = IpPrefix.Parse("10.0.0.1/8").Get();
        Assert.True(a.Overlaps(b));
        Assert.True(b.Overlaps(a));
        Assert.False(a.Overlaps(c));
        Assert.True(b.Contains(System.Net.IPAddress.Parse("192.168.100.200")));
        Assert.False(b.IsNetworkAddress);
        Assert.True(IpPrefix.Parse("192.168.100.0/24").Get().IsNetworkAddress);
    }
}
