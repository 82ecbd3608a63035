using System.Globalization;
using NetTui.History.Journaling;

namespace NetTui.Presentation.History;

/// <summary>One change-set as a row of the history table (CLI `nettui history` and, later, the TUI's History view).</summary>
public sealed record HistoryRow(string Id, string Time, string Status, string Kind, string User, string Namespace, string Summary);

/// <summary>Pure: journal rows to table rows and detail lines. Times are shown in UTC with the zone said, as in the journal.</summary>
public static class HistoryRows
{
    public static readonly IReadOnlyList<string> Headers = ["ID", "TIME (UTC)", "STATUS", "KIND", "USER", "NETNS", "SUMMARY"];

    public static HistoryRow Of(ChangeSet cs, DateTimeOffset now) => new(
        "#" + cs.Id.ToString(CultureInfo.InvariantCulture),
        cs.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        Status(cs, now),
        cs.Kind.ToText() + (cs.RevertsId is { } r ? $" of #{r}" : ""),
        cs.SudoUser is null ? cs.UserName : $"{cs.UserName} ({cs.SudoUser})",
        cs.Namespace ?? "-",
        cs.Summary);

    public static IReadOnlyList<string> Cells(HistoryRow r) => [r.Id, r.Time, r.Status, r.Kind, r.User, r.Namespace, r.Summary];

    /// <summary>The status word, with the seconds left for a change awaiting confirmation.</summary>
    public static string Status(ChangeSet cs, DateTimeOffset now) => cs.Status switch
    {
        ChangeSetStatus.ConfirmPending when cs.ConfirmDeadline is { } d =>
            d > now ? $"confirm_pending ({Math.Ceiling((d - now).TotalSeconds).ToString(CultureInfo.InvariantCulture)} s left)" : "confirm_pending (due)",
        ChangeSetStatus.Applied when cs.ConfirmedAt is not null => "applied (confirmed)",
        _ => cs.Status.ToText(),
    };

    /// <summary>The detail of one change-set: its steps, their commands with exit codes and stderr, and the facts before/after.</summary>
    public static IEnumerable<string> Detail(ChangeSetDetail d, DateTimeOffset now)
    {
        var cs = d.ChangeSet;
        yield return $"#{cs.Id} {cs.Summary}";
        yield return $"  status {Status(cs, now)}, {cs.Kind.ToText()}{(cs.RevertsId is { } r ? $" of #{r}" : "")}, by {cs.UserName} (uid {cs.UserId}), pid {cs.WriterPid} on {cs.WriterHost}, namespace {cs.Namespace ?? "(host)"}";
        yield return $"  created {cs.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC{(cs.CompletedAt is { } c ? $", completed {c.UtcDateTime:HH:mm:ss} UTC" : "")}";
        if (cs.ConfirmDeadline is { } dl) yield return $"  confirm by {dl.UtcDateTime:HH:mm:ss} UTC{(cs.ConfirmedAt is { } ca ? $", confirmed {ca.UtcDateTime:HH:mm:ss} UTC" : "")}{(cs.WatchdogPid is { } w ? $", watchdog pid {w}" : "")}";
        if (cs.Error is not null) yield return $"  error: {cs.Error}";
        foreach (var s in d.Steps)
        {
            yield return $"  step {s.Seq}: {s.Description} [{s.Status.ToText()}]{(s.Error is null ? "" : $" {s.Error}")}";
            if (s.InverseKind is not null) yield return $"    inverse: {s.InverseKind}";
            foreach (var command in s.Commands)
            {
                yield return $"    $ {command.Display}    # exit {command.ExitCode}, {command.Elapsed.TotalMilliseconds:0} ms";
                foreach (var line in command.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)) yield return $"      ! {line}";
            }
        }
        foreach (var line in FactLines("before", cs.BeforeFacts, cs.AfterFacts)) yield return line;
    }

    /// <summary>Facts that changed, as "key: before -> after" (unchanged ones are left out: they say nothing).</summary>
    public static IEnumerable<string> FactLines(string title, NetTui.History.Facts.FactSet before, NetTui.History.Facts.FactSet after)
    {
        var keys = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal);
        var changed = keys.Where(k => (before.TryGetValue(k, out var b) ? b : null) != (after.TryGetValue(k, out var a) ? a : null)).ToList();
        if (changed.Count == 0) yield break;
        yield return $"  facts ({title} -> after):";
        foreach (var k in changed)
            yield return $"    {k}: {(before.TryGetValue(k, out var b) ? b : "-")} -> {(after.TryGetValue(k, out var a) ? a : "-")}";
    }
}
