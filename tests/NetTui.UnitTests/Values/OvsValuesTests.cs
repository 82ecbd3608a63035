using NetTui.Core.Values;

namespace NetTui.UnitTests.Values;

public class OvsValuesTests
{
    [Theory]
    [InlineData("unix:/run/openvswitch/db.sock", true)]
    [InlineData("tcp:127.0.0.1:6640", true)]
    [InlineData("unix:relative.sock", false)]
    [InlineData("unix:/a b", false)]
    [InlineData("/run/db.sock", false)]
    [InlineData("", false)]
    public void Database_target(string text, bool ok) => Assert.Equal(ok, OvsDatabase.Parse(text).Ok);

    [Theory]
    [InlineData("1.2.3.4", true)]
    [InlineData("flow", true)]
    [InlineData("1.2.3.4,key=5", false)]
    [InlineData("\"x\"", false)]
    [InlineData("a=b", false)]
    public void Option_tokens(string text, bool ok) => Assert.Equal(ok, OvsToken.Parse(text, "option").Ok);
}
