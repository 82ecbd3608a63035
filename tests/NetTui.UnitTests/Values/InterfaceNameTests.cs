using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class InterfaceNameTests
{
    [Theory]
    [InlineData("br0")]
    [InlineData("obr0")]
    [InlineData("veth7bfa1b9")]
    [InlineData("abcdefghijklmno")]
    [InlineData("eth0.100")]
    [InlineData("br-int")]
    public void Accepts_kernel_names(string name) => Assert.True(InterfaceName.Parse(name).Ok);

    [Theory]
    [InlineData("br0;reboot", "';'")]
    [InlineData("$(id)", "'$'")]
    [InlineData("`id`", "'`'")]
    [InlineData("abcdefghijklmnop", "longer than 15 bytes")]
    [InlineData("a/b", "'/'")]
    [InlineData("a:b", "':'")]
    [InlineData("a b", "whitespace")]
    [InlineData("a\tb", "whitespace")]
    [InlineData(".", "not a valid")]
    [InlineData("..", "not a valid")]
    [InlineData("", "required")]
    [InlineData("brü", "U+00FC")]
    [InlineData("a\u0001", "\\x01")]
    public void Refuses_with_the_reason_and_the_field(string name, string why)
    {
        var p = InterfaceName.Parse(name, "bridge");
        Assert.False(p.Ok);
        Assert.Equal("bridge", p.Error!.Field);
        Assert.Contains(why, p.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', p.Error.ToString());
        Assert.StartsWith("bridge: ", p.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_refused() => Assert.False(InterfaceName.Parse(null).Ok);

    [Fact]
    public void Get_on_an_error_throws() => Assert.Throws<InvalidOperationException>(() => InterfaceName.Parse("a b").Get());
}
