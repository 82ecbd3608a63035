using System.Globalization;
using NetTui.Core.Operations;
using NetTui.History.Journaling;

namespace NetTui.Presentation.History;

/// <summary>
/// The TUI's History view, pure: journal change-sets (with their steps and commands, newest
/// first) to table rows and a detail (commands with exit codes and stderr, the inverse, facts
/// before -> after). The CLI's `nettui history` text stays <see cref="HistoryRows"/>'.
/// </summary>
public static class HistoryPresenter
{
    public static IRowSet Rows(IReadOnlyList<ChangeSetDetail> entries, DateTimeOffset now)
    {
        var sorted = entries.OrderByDescending(e => e.ChangeSet.Id).ToList();
        Column<ChangeSetDetail> C(string name, Func<ChangeSet, string> text, Func<ChangeSet, IComparable?>? key = null) =>
            new(name, d => text(d.ChangeSet), key is null ? null : d => key(d.ChangeSet));
        return new RowSet<ChangeSetDetail>(ViewKind.History, sorted,
        [
            C("ID", cs => "#" + cs.Id.ToString(CultureInfo.InvariantCulture), cs => cs.Id),
            C("Time (UTC)", cs => cs.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), cs => cs.CreatedAt),
            C("User", User),
            C("Netns", cs => cs.Namespace ?? "-"),
            C("Status", cs => Status(cs, now)),
            C("Summary", cs => cs.Summary),
        ],
        d => Key(d.ChangeSet.Id), d => Detail(d, now), orderIsMeaningful: true, tone: d => Tone(d.ChangeSet));
    }

    /// <summary>The row key of change-set <paramref name="id"/> (what keeps the selection across reloads; "roll back to here" uses the row's object).</summary>
    public static string Key(long id) => "#" + id.ToString(CultureInfo.InvariantCulture);

    public static string User(ChangeSet cs) => cs.SudoUser is null ? cs.UserName : $"{cs.UserName} ({cs.SudoUser})";

    /// <summary>In words: pending, applied, failed, undone, rolled back; an unconfirmed change with its deadline and seconds left.</summary>
    public static string Status(ChangeSet cs, DateTimeOffset now) => cs.Status switch
    {
        ChangeSetStatus.ConfirmPending when cs.ConfirmDeadline is { } d => d > now
            ? $"unconfirmed, rollback at {d.UtcDateTime:HH:mm:ss} ({Math.Ceiling((d - now).TotalSeconds).ToString(CultureInfo.InvariantCulture)} s)"
            : $"unconfirmed, rollback due since {d.UtcDateTime:HH:mm:ss}",
        ChangeSetStatus.ConfirmPending => "unconfirmed",
        ChangeSetStatus.ConfirmExpired => "unconfirmed, expired: rolling back",
        ChangeSetStatus.Applied when cs.ConfirmedAt is not null => "applied (confirmed)",
        ChangeSetStatus.RolledBack => "rolled back",
        ChangeSetStatus.NeedsRepair => "NEEDS REPAIR (rollback --pending)",
        _ => cs.Status.ToText(),
    };

    public static RowTone Tone(ChangeSet cs) => cs.Status switch
    {
        ChangeSetStatus.Failed or ChangeSetStatus.NeedsRepair => RowTone.Error,
        ChangeSetStatus.Pending or ChangeSetStatus.ConfirmPending or ChangeSetStatus.ConfirmExpired => RowTone.Warn,
        ChangeSetStatus.Undone or ChangeSetStatus.RolledBack => RowTone.Dim,
        _ => RowTone.Normal,
    };

    /// <summary>The detail pane: who/when/status, each step with its commands (exit code, stderr) and inverse, then the facts that changed.</summary>
    public static DetailModel Detail(ChangeSetDetail d, DateTimeOffset now)
    {
        var cs = d.ChangeSet;
        var b = new DetailBuilder($"#{cs.Id} {cs.Summary}")
            .Add("status", Status(cs, now))
            .Add("kind", cs.Kind.ToText() + (cs.RevertsId is { } r ? $" of #{r}" : ""))
            .Add("by", $"{User(cs)} (uid {cs.UserId}), pid {cs.WriterPid} on {cs.WriterHost}")
            .Add("namespace", cs.Namespace ?? "(host)")
            .Add("created", cs.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Add("completed", cs.CompletedAt?.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Add("confirm by", cs.ConfirmDeadline?.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Add("error", cs.Error);
        foreach (var s in d.Steps)
        {
            b.Add($"step {s.Seq}", $"{s.Description} [{s.Status.ToText()}]{(s.Error is null ? "" : " " + s.Error)}");
            foreach (var c in s.Commands)
            {
                b.Add("  $", $"{c.Display}  (exit {c.ExitCode})");
                foreach (var line in c.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    b.Add("  !", line);
            }
            if (Inverse(s) is { } inverse) b.Add("  inverse", inverse);
        }
        foreach (var line in FactChanges(cs.BeforeFacts, cs.AfterFacts)) b.Add("fact", line);
        return b.Build();
    }

    /// <summary>What undoing the step runs, in words ("delete bridge br0"); the kind when the parameters cannot be read.</summary>
    public static string? Inverse(JournalStep s)
    {
        if (s.InverseParametersJson is null) return s.InverseKind;
        try { return OperationJson.Deserialize(s.InverseParametersJson)?.Describe() ?? s.InverseKind; }
        catch (System.Text.Json.JsonException) { return s.InverseKind; }
        catch (NotSupportedException) { return s.InverseKind; }
    }

    /// <summary>"key: before -> after" for every fact that changed (unchanged ones say nothing).</summary>
    public static IEnumerable<string> FactChanges(NetTui.History.Facts.FactSet before, NetTui.History.Facts.FactSet after)
    {
        foreach (var k in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var was = before.TryGetValue(k, out var x) ? x : null;
            var now = after.TryGetValue(k, out var y) ? y : null;
            if (was != now) yield return $"{k}: {was ?? "-"} -> {now ?? "-"}";
        }
    }
}
