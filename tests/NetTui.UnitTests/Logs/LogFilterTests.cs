using NetTui.Core.Logs;

namespace NetTui.UnitTests.Logs;

public class LogFilterTests
{
    private static LogLine L(string message) => new(LogDaemon.OvsVswitchd, null, LogSeverity.Info, message);

    [Theory]
    [InlineData("bridge: could not open network device gre9 (No such device)", true)]
    [InlineData("Error detected while setting up 'gre9'.", true)]
    [InlineData("device (gre9): state change", true)]
    [InlineData("port gre9.", true)]
    [InlineData("port gre90 added", false)]
    [InlineData("port xgre9 added", false)]
    [InlineData("port my-gre9 added", false)]
    [InlineData("vlan gre9.100 added", false)]
    [InlineData("nothing here", false)]
    public void A_name_matches_as_a_word_not_inside_a_longer_name(string message, bool matches) =>
        Assert.Equal(matches, LogFilter.Matches(L(message), "gre9"));

    [Fact]
    public void The_second_occurrence_counts_when_the_first_is_part_of_a_longer_name() =>
        Assert.True(LogFilter.Matches(L("gre90 and gre9"), "gre9"));

    [Fact]
    public void No_name_matches_everything()
    {
        Assert.True(LogFilter.Matches(L("anything"), null));
        Assert.True(LogFilter.Matches(L("anything"), ""));
    }
}
