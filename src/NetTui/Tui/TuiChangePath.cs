using NetTui.Composition;
using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation.Forms;

namespace NetTui.Tui;

/// <summary>
/// How the TUI's forms apply a change: through the one change path (<see cref="HostChanges"/>,
/// the same object the CLI verbs use: one persistence probe, journal, apply lock, confirm timer
/// with its watchdog and NetworkManager checkpoint), on a worker thread so the UI never waits.
/// Refusals come back as a Rejected report whose summary says why (the form's result line).
/// A journal that cannot be used refuses every change (the header says so too): a change the
/// TUI cannot journal is one it could not undo.
/// </summary>
public sealed class TuiChangePath(HostChanges changes, bool runtimeOnly = false)
{
    /// <summary>A short wait: someone sits in front of the form. The refusal names who holds the lock.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(5);

    public HostChanges Changes => changes;
    public NetworkTarget Target => changes.Target;

    /// <summary>Applies a form's operations (off the UI thread); with <paramref name="confirmWithin"/>, as a commit-confirmed change.</summary>
    public Task<ChangeReport> ApplyAsync(IReadOnlyList<Operation> ops, TimeSpan? confirmWithin = null, CancellationToken ct = default) =>
        ApplyAsync(new FormApply(ops, confirmWithin), ct);

    /// <summary>A form's apply: its operations, confirm timer and probes.</summary>
    public Task<ChangeReport> ApplyAsync(FormApply ask) => ApplyAsync(ask, CancellationToken.None);

    public Task<ChangeReport> ApplyAsync(FormApply ask, CancellationToken ct) => Task.Run(() => ApplyCoreAsync(ask, ct), ct);

    /// <summary>Null when this process may change the network; else why not (root or CAP_NET_ADMIN is needed).</summary>
    public Func<string?> MissingPrivilege { get; init; } = NetTui.Host.Commands.ChangePrivilege.Missing;

    private async Task<ChangeReport> ApplyCoreAsync(FormApply ask, CancellationToken ct)
    {
        var (ops, confirmWithin) = (ask.Operations, ask.ConfirmWithin);
        // Up front, like the CLI: nothing runs and nothing is journaled.
        if (MissingPrivilege() is { } unprivileged) return Rejected("not applied: " + unprivileged, []);
        var result = await changes.ApplyAsync(new ChangeRequest(ops) { RuntimeOnly = runtimeOnly, ConfirmWithin = confirmWithin, Probes = ask.Probes }, ct).ConfigureAwait(false);
        if (result.Report is not { } report)
        {
            changes.Log.Warning("change refused: {Why}", string.Join("; ", result.Refusal));
            return Rejected("not applied: " + string.Join("; ", result.Refusal), result.Notes);
        }
        var notes = new List<string>(result.Notes);
        if (result.ConfirmDeadline is { } deadline && report.Succeeded)
            notes.Add($"history #{result.ChangeSetId}: press c to keep it before {deadline.ToLocalTime():HH:mm:ss}, or it is rolled back");
        else if (result.ChangeSetId is { } id)
            notes.Add($"history #{id}");
        return report with { Notes = report.Notes.AddRange(notes) };
    }

    private ChangeReport Rejected(string summary, IReadOnlyList<string> notes) =>
        new(Guid.NewGuid(), Target, ChangeOutcome.Rejected, summary, [], [], null, [], [], [], [.. notes], null, null);
}
