using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Host.Changes;
using NetTui.Recording;

namespace NetTui.Cli.Verbs;

/// <summary>
/// The journaled path of a change verb: <see cref="JournaledChange"/> (shared with the TUI),
/// with its refusals and notes printed on stderr the way the verbs always said them.
/// </summary>
internal static class JournaledApply
{
    public sealed record Result(ChangeReport? Report, long? ChangeSetId, DateTimeOffset? ConfirmDeadline, int? WatchdogPid, int RefusalExitCode = 0);

    public static async Task<Result> RunAsync(
        ChangeHost host, System.CommandLine.ParseResult r, Journal journal, NetworkTarget target, IReadOnlyList<Operation> ops, OperationContext ctx,
        int? confirmWithin, Func<IChangeObserver, ChangeExecutor> executor, CancellationToken ct)
    {
        var request = new JournaledChange.Request(target, ops, ctx)
        {
            ConfirmWithin = confirmWithin is { } s ? TimeSpan.FromSeconds(s) : null,
            WatchdogOptions = host.ForwardedOptions(r),
            LockWait = host.LockWait,
            // A change persisted through NetworkManager gets a checkpoint behind its confirm timer.
            Checkpoints = new NmCheckpoints(host.BusAddress),
        };
        var result = await JournaledChange.RunAsync(journal, request, executor, ct).ConfigureAwait(false);
        foreach (var note in result.Notes) await host.Err.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        if (result.Refused)
        {
            foreach (var why in result.Refusal) await host.Err.WriteLineAsync($"nettui: {why}").ConfigureAwait(false);
            return new(null, null, null, null, 1);
        }
        return new(result.Report, result.ChangeSetId, result.ConfirmDeadline, result.WatchdogPid);
    }
}
