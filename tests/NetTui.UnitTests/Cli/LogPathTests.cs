using NetTui.Logging;

namespace NetTui.UnitTests.Cli;

public class LogPathTests
{
    [Theory]
    [InlineData("/x/opt.log", "/x/env.log", true, null, "/home/u", "/x/opt.log")]
    [InlineData(null, "/x/env.log", true, null, "/home/u", "/x/env.log")]
    [InlineData(null, null, true, "/xdg", "/home/u", "/var/log/nettui/nettui.log")]
    [InlineData(null, null, false, "/xdg", "/home/u", "/xdg/nettui/nettui.log")]
    [InlineData(null, null, false, null, "/home/u", "/home/u/.local/state/nettui/nettui.log")]
    [InlineData(null, null, false, null, null, null)]
    public void Resolution_order(string? option, string? env, bool root, string? xdg, string? home, string? expected) =>
        Assert.Equal(expected, LogPath.Resolve(option, env, root, xdg, home));

    [Fact]
    public void Unwritable_log_directory_means_no_logging_not_a_crash()
    {
        var log = LogSetup.Create("/proc/nettui-cannot-write-here/nettui.log");
        log.Information("still fine");
        Assert.Same(Serilog.Core.Logger.None, log);
    }
}
