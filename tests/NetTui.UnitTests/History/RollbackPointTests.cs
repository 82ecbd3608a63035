using NetTui.Cli.History;

namespace NetTui.UnitTests.History;

public class RollbackPointTests
{
    [Theory]
    [InlineData("12", 12L)]
    [InlineData("#12", 12L)]
    [InlineData("0", 0L)]
    [InlineData("start", 0L)]
    public void Ids(string text, long id) => Assert.Equal(new RollbackPoint(id, null), RollbackPoint.Parse(text));

    [Fact]
    public void Times_with_an_offset_are_exact()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 14, 2, 0, TimeSpan.Zero), RollbackPoint.Parse("2026-11-28T14:02:00Z")!.Time);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 14, 2, 0, TimeSpan.FromHours(1)), RollbackPoint.Parse("2026-11-28 14:02+01:00")!.Time);
    }

    [Fact]
    public void A_time_of_day_is_today_in_local_time()
    {
        var t = RollbackPoint.Parse("14:02")!.Time!.Value;
        Assert.Equal(DateTime.Now.Date, t.LocalDateTime.Date);
        Assert.Equal(new TimeSpan(14, 2, 0), t.LocalDateTime.TimeOfDay);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-3")]
    [InlineData("")]
    public void Nonsense_is_refused(string text) => Assert.Null(RollbackPoint.Parse(text));
}
