using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class ChoicesTests
{
    [Theory]
    [InlineData("system", DatapathType.System)]
    [InlineData("netdev", DatapathType.Netdev)]
    [InlineData(null, DatapathType.System)]
    public void Datapath(string? text, DatapathType want) => Assert.Equal(want, Choice.Datapath(text).Get());

    [Theory]
    [InlineData("kernel")]
    [InlineData("NETDEV;x")]
    public void Datapath_refuses(string text) => Assert.Equal("datapath", Choice.Datapath(text).Error!.Field);

    [Theory]
    [InlineData("gre", TunnelMode.Gre)]
    [InlineData("gretap", TunnelMode.Gretap)]
    public void Mode(string text, TunnelMode want) => Assert.Equal(want, Choice.Mode(text).Get());

    [Theory]
    [InlineData("ipip")]
    [InlineData(null)]
    public void Mode_refuses(string? text) => Assert.Equal("mode", Choice.Mode(text).Error!.Field);
}
