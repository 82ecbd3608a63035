using System.Globalization;
using NetTui.History.Journaling;

namespace NetTui.Presentation.History;

/// <summary>A commit-confirmed change still counting down to its rollback.</summary>
public sealed record AwaitingChange(long Id, string Summary, DateTimeOffset Deadline)
{
    public static AwaitingChange? Of(ChangeSet cs) =>
        cs.Status == ChangeSetStatus.ConfirmPending && cs.ConfirmDeadline is { } d ? new(cs.Id, cs.Summary, d) : null;
}

/// <summary>
/// Pure: what the TUI says about commit-confirmed changes: the header's countdown (deadline and
/// now to text), the answer to the confirm key, and how an unconfirmed change ended.
/// </summary>
public static class ConfirmCountdown
{
    /// <summary>The header part for the change with the soonest deadline; null when nothing awaits confirmation.</summary>
    public static string? Header(IReadOnlyList<AwaitingChange> awaiting, DateTimeOffset now)
    {
        if (awaiting.Count == 0) return null;
        var first = awaiting.MinBy(a => a.Deadline)!;
        var more = awaiting.Count > 1 ? $" (+{awaiting.Count - 1} more)" : "";
        var left = SecondsLeft(first.Deadline, now);
        return left > 0
            ? $"unconfirmed change #{Id(first.Id)}: rolls back in {Id(left)} s — press c to confirm{more}"
            : $"unconfirmed change #{Id(first.Id)}: deadline passed, rolling back…{more}";
    }

    /// <summary>Whole seconds left, rounded up (so "0 s" never shows while it can still be confirmed).</summary>
    public static long SecondsLeft(DateTimeOffset deadline, DateTimeOffset now) =>
        deadline <= now ? 0 : (long)Math.Ceiling((deadline - now).TotalSeconds);

    /// <summary>The answer to the confirm key (the same outcomes as `nettui confirm`).</summary>
    public static string Confirmed(long id, ConfirmOutcome outcome) => outcome switch
    {
        ConfirmOutcome.Confirmed => $"#{Id(id)} confirmed: the change stays",
        ConfirmOutcome.TooLate => $"#{Id(id)}: too late, its deadline passed and it is being rolled back",
        ConfirmOutcome.NotAwaitingConfirmation => $"#{Id(id)} is not awaiting confirmation",
        _ => $"there is no change-set #{Id(id)}",
    };

    /// <summary>What to say when a change stopped awaiting confirmation without this TUI's confirm; null: nothing worth saying.</summary>
    public static string? Ended(long id, ChangeSetStatus? status) => status switch
    {
        ChangeSetStatus.ConfirmExpired => $"change #{Id(id)} was not confirmed: rolling it back…",
        ChangeSetStatus.RolledBack => $"change #{Id(id)} was not confirmed: rolled back",
        ChangeSetStatus.Applied => $"#{Id(id)} confirmed: the change stays",
        ChangeSetStatus.Undone => $"change #{Id(id)} was undone",
        _ => null,
    };

    private static string Id(long n) => n.ToString(CultureInfo.InvariantCulture);
}
