using NetTui.Core.Logs;

namespace NetTui.UnitTests.Logs;

public class LogBufferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static LogLine L(int second, string message, LogDaemon d = LogDaemon.OvsVswitchd) => new(d, T0.AddSeconds(second), LogSeverity.Info, message);

    [Fact]
    public void Memory_is_bounded_the_oldest_lines_go_first_and_numbers_stay_with_their_lines()
    {
        var buffer = new LogBuffer(capacity: 3);
        buffer.AddRange([L(1, "a"), L(2, "b"), L(3, "c"), L(4, "d"), L(5, "e")]);
        Assert.Equal(3, buffer.Count);
        Assert.Equal(2, buffer.Dropped);
        var all = buffer.Matching(null);
        Assert.Equal(["c", "d", "e"], all.Select(l => l.Line.Message));
        Assert.Equal([2L, 3L, 4L], all.Select(l => l.Number));
    }

    [Fact]
    public void Tails_of_several_files_read_one_after_the_other_end_up_in_time_order()
    {
        var buffer = new LogBuffer();
        buffer.AddRange([L(1, "vswitchd 1"), L(5, "vswitchd 5")]);
        buffer.AddRange([L(2, "nm 2", LogDaemon.NetworkManager), new LogLine(LogDaemon.NetworkManager, null, LogSeverity.Unknown, "nm continuation"), L(9, "nm 9", LogDaemon.NetworkManager)]);
        Assert.Equal(["vswitchd 1", "nm 2", "nm continuation", "vswitchd 5", "nm 9"], buffer.Matching(null).Select(l => l.Line.Message));
    }

    [Fact]
    public void Matching_keeps_only_lines_naming_the_object()
    {
        var buffer = new LogBuffer();
        buffer.AddRange([L(1, "bridge obr0: added"), L(2, "could not open network device gre9 (No such device)"), L(3, "port gre90")]);
        var gre9 = Assert.Single(buffer.Matching("gre9"));
        Assert.Equal(1, gre9.Number);
        buffer.Clear();
        Assert.Empty(buffer.Matching(null));
    }
}
