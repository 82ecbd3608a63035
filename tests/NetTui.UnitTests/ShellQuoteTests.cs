using NetTui.Core.Commands;
using NetTui.Host.Commands;

namespace NetTui.UnitTests;

public class ShellQuoteTests
{
    [Theory]
    [InlineData("br0", "br0")]
    [InlineData("br0;reboot", "'br0;reboot'")]
    [InlineData("$(id)", "'$(id)'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Quotes_only_what_a_shell_would_interpret(string arg, string expected) =>
        Assert.Equal(expected, ShellQuote.Quote(arg));

    [Fact]
    public void Namespace_commands_are_wrapped_in_nsenter()
    {
        var runner = new CommandRunner(new NetworkTarget("lab1"));
        Assert.Equal(["nsenter", "--net=/run/netns/lab1", "--", "ip", "-j", "link"], runner.Argv(CommandSpec.Of("ip", "-j", "link")));
        Assert.Equal(["ovs-vsctl", "show"], runner.Argv(CommandSpec.Of("ovs-vsctl", "show").OutsideNamespace()));
    }
}
