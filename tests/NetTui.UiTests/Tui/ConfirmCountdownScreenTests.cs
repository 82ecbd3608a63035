using NetTui.History.Journaling;
using NetTui.Presentation.History;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

/// <summary>
/// Commit-confirmed in the main window, headless, over a fake journal backend and a clock the
/// test moves: the header's countdown, `c` confirming, and the watchdog's rollback noticed.
/// </summary>
[Collection(UiCollection.Name)]
public class ConfirmCountdownScreenTests
{
    internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    internal sealed class FakeConfirm : IConfirmBackend
    {
        public List<AwaitingChange> Awaiting { get; } = [];
        public Dictionary<long, ChangeSetStatus> Status { get; } = [];
        public List<long> Confirms { get; } = [];
        public ConfirmOutcome Answer { get; set; } = ConfirmOutcome.Confirmed;

        public Task<IReadOnlyList<AwaitingChange>> AwaitingAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<AwaitingChange>>([.. Awaiting]);

        public Task<ChangeSetStatus?> StatusAsync(long id, CancellationToken ct = default) =>
            Task.FromResult<ChangeSetStatus?>(Status.TryGetValue(id, out var s) ? s : null);

        public Task<ConfirmOutcome> ConfirmAsync(long id, CancellationToken ct = default)
        {
            Confirms.Add(id);
            if (Answer == ConfirmOutcome.Confirmed)
            {
                Awaiting.RemoveAll(a => a.Id == id);
                Status[id] = ChangeSetStatus.Applied;
            }
            return Task.FromResult(Answer);
        }
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static (Screen S, FakeConfirm Journal, ManualClock Clock) Start()
    {
        var s = new Screen(LabSnapshots.Lab(), 160, 30, readOnly: false);
        var fake = new FakeConfirm();
        var clock = new ManualClock(T0);
        s.Window.Clock = clock;
        s.Window.Confirm = fake;
        return (s, fake, clock);
    }

    [Fact]
    public void The_header_counts_down_each_second_and_c_confirms_through_the_journal()
    {
        var (s, journal, clock) = Start();
        using var _ = s;
        journal.Awaiting.Add(new AwaitingChange(12, "create bridge br7", T0.AddSeconds(47)));
        s.Window.TickConfirm();
        Assert.Contains("unconfirmed change #12: rolls back in 47 s — press c to confirm", s.Text);

        clock.Now = T0.AddSeconds(1);
        s.Window.TickConfirm();
        Assert.Contains("rolls back in 46 s", s.Text);
        ScreenCapture.Check("confirm-countdown.txt", s.Text);

        s.Press(Key.C);
        Assert.Equal([12L], journal.Confirms);
        var screen = s.Text;
        Assert.Contains("#12 confirmed: the change stays", screen);
        Assert.DoesNotContain("unconfirmed change", screen);
        Assert.False(s.Window.AwaitingConfirmation);
    }

    [Fact]
    public void C_does_nothing_while_no_change_awaits_confirmation()
    {
        var (s, journal, _) = Start();
        using var __ = s;
        s.Window.TickConfirm();
        Assert.False(s.Window.HandleKey(Key.C));
        Assert.Empty(journal.Confirms);
        Assert.DoesNotContain("confirm", s.Lines[0]);
    }

    [Fact]
    public void A_confirm_that_comes_too_late_says_so_and_the_rollback_is_then_reported()
    {
        var (s, journal, clock) = Start();
        using var _ = s;
        var refreshes = 0;
        s.Window.RefreshRequested += r => { if (r.Host == NetTui.Host.Inventory.InventoryParts.All && r.History) refreshes++; };
        journal.Awaiting.Add(new AwaitingChange(12, "create bridge br7", T0.AddSeconds(3)));
        s.Window.TickConfirm();

        // The deadline passed and the watchdog claimed it before the key.
        clock.Now = T0.AddSeconds(4);
        journal.Answer = ConfirmOutcome.TooLate;
        s.Press(Key.C);
        Assert.Contains("#12: too late", s.Text);

        journal.Awaiting.Clear();
        journal.Status[12] = ChangeSetStatus.RolledBack;
        s.Window.TickConfirm();
        Assert.Contains("change #12 was not confirmed: rolled back", s.Text);
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public void An_unconfirmed_change_rolled_back_by_the_watchdog_is_noticed_and_the_views_refresh()
    {
        var (s, journal, clock) = Start();
        using var _ = s;
        var refreshes = 0;
        s.Window.RefreshRequested += r => { if (r.Host == NetTui.Host.Inventory.InventoryParts.All && r.History) refreshes++; };
        journal.Awaiting.Add(new AwaitingChange(12, "create bridge br7", T0.AddSeconds(3)));
        s.Window.TickConfirm();
        Assert.Contains("rolls back in 3 s", s.Text);

        clock.Now = T0.AddSeconds(3);
        journal.Awaiting.Clear();
        journal.Status[12] = ChangeSetStatus.ConfirmExpired; // the watchdog claimed it and is rolling back
        s.Window.TickConfirm();
        Assert.Contains("change #12 was not confirmed: rolling it back…", s.Text);
        Assert.Equal(0, refreshes);

        journal.Status[12] = ChangeSetStatus.RolledBack;
        s.Window.TickConfirm();
        Assert.Contains("change #12 was not confirmed: rolled back", s.Text);
        Assert.Equal(1, refreshes);
        Assert.False(s.Window.HandleKey(Key.C));
    }

    [Fact]
    public void Help_lists_the_confirm_key()
    {
        var entry = KeyMap.Default.Find(Key.C);
        Assert.NotNull(entry);
        Assert.Equal(TuiAction.ConfirmChange, entry.Action);
        Assert.Contains("before it rolls back", HelpText.For(KeyMap.Default), StringComparison.Ordinal);
    }
}
