using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Values;
using NetTui.Host.Changes;
using NetTui.Composition;
using NetTui.Recording;
using NetTui.Host.Commands;

namespace NetTui.Cli.Verbs;

/// <summary>
/// Runs one operation from a verb: builds the context from the common options, applies it
/// (or only plans it with --dry-run) through <see cref="ChangeExecutor"/>, prints the plan
/// and the result, and returns the exit code: 0 done, 1 the change failed (and was undone),
/// 2 usage or validation error.
/// </summary>
internal static class ChangeVerb
{
    /// <summary>Runs after a change was applied (not after a dry run); returns the exit code to use.</summary>
    public delegate Task<int> AfterApplied(ChangeReport report, ParseResult r, ICommandRunner runner, CancellationToken ct);

    public static void SetAction(Command command, ChangeHost host, ChangeOptions common, Func<ParseResult, Operation> build, AfterApplied? after = null) =>
        command.SetAction((r, ct) => RunAsync(host, common, r, build, ct, after));

    public static async Task<int> RunAsync(ChangeHost host, ChangeOptions common, ParseResult r, Func<ParseResult, Operation> build, CancellationToken ct, AfterApplied? after = null)
    {
        Operation op;
        try
        {
            op = build(r);
        }
        catch (UsageException e)
        {
            return Refuse(host, r.GetValue(common.Json), [new ValueError(e.Field, e.Message[(e.Field.Length + 2)..])]);
        }
        return await RunAsync(host, common, r, [op], ct, after).ConfigureAwait(false);
    }

    /// <summary>Applies a change-set of one or more operations (all or nothing).</summary>
    public static async Task<int> RunAsync(ChangeHost host, ChangeOptions common, ParseResult r, IReadOnlyList<Operation> ops, CancellationToken ct, AfterApplied? after = null)
    {
        var json = r.GetValue(common.Json);
        NetworkTarget target;
        OperationContext ctx;
        try
        {
            target = Target(r.GetValue(common.Netns));
            ctx = Context(r.GetValue(common.OvsDb));
        }
        catch (UsageException e)
        {
            return Refuse(host, json, [new ValueError(e.Field, e.Message[(e.Field.Length + 2)..])]);
        }

        // --save: the change-set as a plan file, for `nettui apply` here or on another host.
        if (r.GetValue(common.Save) is { } save)
            await PlanFiles.SaveAsync(save, PlanFile.Create(new PlanMetadata("nettui " + string.Join(' ', CommandPath(r)), DateTimeOffset.UtcNow, null, "local"), ops), ct).ConfigureAwait(false);

        var runtimeOnly = r.GetValue(common.RuntimeOnly);
        var persistWith = r.GetValue(common.PersistWith) is { } word ? Core.Persisting.Backends.BackendChoice.Parse(word) : null;
        if (r.GetValue(common.PersistWith) is { } given && persistWith is null)
            return Refuse(host, json, [new ValueError("persist-with", $"\"{given}\" is not one of nm, ifupdown, netplan, networkd")]);
        var dryRun = r.GetValue(common.DryRun);
        var confirmWithin = r.GetValue(common.ConfirmWithin);
        var probes = Core.Reachability.ProbeChoice.Parse(r.GetValue(common.Probe));
        if (!probes.Ok) return Refuse(host, json, [probes.Error!]);
        if (confirmWithin is < 1 or > 86400)
            return Refuse(host, json, [new ValueError("confirm-within", $"{confirmWithin} is not a number of seconds from 1 to 86400")]);
        // Up front: without root or CAP_NET_ADMIN the first command would fail inside ip, after journaling.
        if (!dryRun && host.MissingPrivilege() is { } unprivileged)
            return Refuse(host, json, [new ValueError("privilege", unprivileged)]);
        if (confirmWithin is not null && host.Parts.NoJournal && !dryRun)
            return Refuse(host, json, [new ValueError("confirm-within", "needs the history journal (--history)")]);

        // The one change path: persistence decided once, journaled, checkpointed, locked (Composition/HostChanges).
        using var changes = host.Changes(r, target.Namespace, r.GetValue(common.OvsDb));
        var result = await changes.ApplyAsync(new ChangeRequest(ops)
        {
            RuntimeOnly = runtimeOnly,
            PersistWith = persistWith,
            DryRun = dryRun,
            Probes = probes.Get(),
            ConfirmWithin = confirmWithin is { } s ? TimeSpan.FromSeconds(s) : null,
            Context = ctx,
        }, ct).ConfigureAwait(false);
        foreach (var note in result.Notes) await host.Err.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        if (result.Report is not { } report)
        {
            foreach (var why in result.Refusal) await host.Err.WriteLineAsync($"nettui: {why}").ConfigureAwait(false);
            return 1;
        }
        var journaled = result.ChangeSetId is null ? null : result;
        if (json) await host.Out.WriteLineAsync(ReportJson(report, journaled, runtimeOnly)).ConfigureAwait(false);
        else
        {
            await PrintAsync(host, report, runtimeOnly).ConfigureAwait(false);
            if (journaled?.ConfirmDeadline is { } deadline && report.Succeeded)
                await host.Out.WriteLineAsync(
                    $"applied #{journaled.ChangeSetId}; run \"nettui confirm {journaled.ChangeSetId}\" within {confirmWithin} s or it will be rolled back at {deadline.ToLocalTime():HH:mm:ss}").ConfigureAwait(false);
            else if (journaled?.ChangeSetId is { } id && report.Succeeded)
                await host.Out.WriteLineAsync($"history: #{id} (undo with \"nettui undo\")").ConfigureAwait(false);
            else if (journaled?.ChangeSetId is { } broken && report.Outcome == ChangeOutcome.RollbackFailed)
                await host.Err.WriteLineAsync($"nettui: #{broken} NEEDS REPAIR: run \"nettui rollback --pending\" once the daemon is back (new changes are refused until then)").ConfigureAwait(false);
        }
        if (after is not null && report.Outcome == ChangeOutcome.Applied)
            return await after(report, r, changes.Runner(target), ct).ConfigureAwait(false);
        return report.ExitCode;
    }

    private static IEnumerable<string> CommandPath(ParseResult r)
    {
        var names = new List<string>();
        for (var c = r.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        return names;
    }

    internal static NetworkTarget Target(string? netns)
    {
        if (netns is null) return NetworkTarget.Current;
        if (NetnsName.Refusal(netns) is { } why) throw new UsageException("netns", why);
        return new NetworkTarget(netns);
    }

    internal static OperationContext Context(string? ovsDb)
    {
        if (ovsDb is null) return OperationContext.Default;
        var db = OvsDatabase.Parse(ovsDb);
        if (!db.Ok) throw new UsageException(db.Error!.Field, db.Error.Message);
        return OperationContext.Default with { Ovs = new OvsConnection(db.Get()) };
    }

    private static int Refuse(ChangeHost host, bool json, IReadOnlyList<ValueError> errors)
    {
        if (json)
            host.Out.WriteLine(Json.CliJson.Operation(Json.RejectedDocument<ValueError>.Of(errors)));
        else
            foreach (var e in errors) host.Err.WriteLine($"nettui: {e}");
        return 2;
    }

    private static async Task PrintAsync(ChangeHost host, ChangeReport report, bool runtimeOnly = false)
    {
        if (report.Outcome == ChangeOutcome.Rejected)
        {
            foreach (var e in report.Errors) await host.Err.WriteLineAsync($"nettui: {e}").ConfigureAwait(false);
            return;
        }
        foreach (var o in report.Operations)
        {
            if (PersistenceChoice.Header(o, report, runtimeOnly) is { } label) await host.Out.WriteLineAsync($"# {label}").ConfigureAwait(false);
            foreach (var line in PlanPreview.Lines(o.Operation, o.Plan, report.Target)) await host.Out.WriteLineAsync(line).ConfigureAwait(false);
            foreach (var c in o.Operation.Consequences(report.Before!)) await host.Out.WriteLineAsync($"#   also: {c}").ConfigureAwait(false);
        }
        var w = report.Succeeded ? host.Out : host.Err;
        await w.WriteLineAsync(report.Succeeded ? report.Summary : $"nettui: {report.Summary}").ConfigureAwait(false);
        foreach (var u in report.Undone) await w.WriteLineAsync($"  undone: {u.Description}").ConfigureAwait(false);
        foreach (var u in report.UndoFailures) await w.WriteLineAsync($"  UNDO FAILED: {u.Description}: {u.Error}").ConfigureAwait(false);
        foreach (var d in report.Differences) await w.WriteLineAsync($"  differs: {d}").ConfigureAwait(false);
        foreach (var n in report.Notes) await w.WriteLineAsync($"note: {n}").ConfigureAwait(false);
    }

    /// <summary>The report for scripts: everything but the two snapshots (those are `nettui show --json`'s job).</summary>
    public static string ReportJson(ChangeReport r, bool runtimeOnly = false) => ReportJson(r, null, runtimeOnly);

    internal static string ReportJson(ChangeReport r, ChangeResult? journaled, bool runtimeOnly) => Json.CliJson.Operation(new Json.ChangeDocument(
        r.Outcome,
        r.ExitCode,
        r.Summary,
        r.ChangeSetId,
        HistoryId: journaled?.ChangeSetId,
        ConfirmDeadline: journaled?.ConfirmDeadline,
        WatchdogPid: journaled?.WatchdogPid,
        Target: r.Target.Namespace,
        r.Errors,
        [.. r.Operations.Select(o => new Json.OperationDocument(
            o.Operation,
            o.Operation.Describe(),
            r.Before is null ? [] : o.Operation.Consequences(r.Before).ToImmutableArray(),
            PersistenceChoice.Label(o, r, runtimeOnly),
            o.Plan.SelectMany(s => s.Preview()).ToImmutableArray(),
            o.Plan,
            o.Inverse,
            o.InverseUnavailable,
            o.Steps,
            o.Differences))],
        r.FailedStep,
        r.Undone,
        r.UndoFailures,
        r.Differences,
        r.Notes));
}
