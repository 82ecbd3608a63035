using NetTui.History.Journaling;
using NetTui.Presentation.History;

namespace NetTui.UnitTests.History;

public class ConfirmCountdownTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nothing_awaiting_says_nothing() => Assert.Null(ConfirmCountdown.Header([], Now));

    [Fact]
    public void The_header_counts_whole_seconds_down_to_the_rollback()
    {
        var a = new AwaitingChange(12, "create bridge br0", Now.AddSeconds(47));
        Assert.Equal("unconfirmed change #12: rolls back in 47 s — press c to confirm", ConfirmCountdown.Header([a], Now));
        // Rounded up: with 0.2 s left it can still be confirmed, so it never says 0 s.
        Assert.Equal("unconfirmed change #12: rolls back in 1 s — press c to confirm", ConfirmCountdown.Header([a], Now.AddSeconds(46.8)));
        Assert.Equal("unconfirmed change #12: deadline passed, rolling back…", ConfirmCountdown.Header([a], Now.AddSeconds(47)));
    }

    [Fact]
    public void With_several_the_soonest_deadline_is_shown_and_the_rest_counted()
    {
        var later = new AwaitingChange(13, "route add", Now.AddSeconds(90));
        var sooner = new AwaitingChange(12, "bridge add", Now.AddSeconds(5));
        Assert.Equal("unconfirmed change #12: rolls back in 5 s — press c to confirm (+1 more)", ConfirmCountdown.Header([later, sooner], Now));
    }

    [Theory]
    [InlineData(ConfirmOutcome.Confirmed, "#7 confirmed: the change stays")]
    [InlineData(ConfirmOutcome.TooLate, "#7: too late, its deadline passed and it is being rolled back")]
    [InlineData(ConfirmOutcome.NotAwaitingConfirmation, "#7 is not awaiting confirmation")]
    [InlineData(ConfirmOutcome.NotFound, "there is no change-set #7")]
    public void The_confirm_answer_says_what_happened(ConfirmOutcome outcome, string text) =>
        Assert.Equal(text, ConfirmCountdown.Confirmed(7, outcome));

    [Theory]
    [InlineData(ChangeSetStatus.ConfirmExpired, "change #7 was not confirmed: rolling it back…")]
    [InlineData(ChangeSetStatus.RolledBack, "change #7 was not confirmed: rolled back")]
    [InlineData(ChangeSetStatus.Applied, "#7 confirmed: the change stays")]
    [InlineData(ChangeSetStatus.Pending, null)]
    public void An_ended_countdown_says_how_it_ended(ChangeSetStatus status, string? text) =>
        Assert.Equal(text, ConfirmCountdown.Ended(7, status));
}
