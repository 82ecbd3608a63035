using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Values;
using NetTui.Host.Changes;

namespace NetTui.Cli.Verbs;

/// <summary>
/// Runs one operation from a verb: builds the context from the common options, applies it
/// (or only plans it with --dry-run) through <see cref="ChangeExecutor"/>, prints the plan
/// and the result, and returns the exit code: 0 done, 1 the change failed (and was undone),
/// 2 usage or validation error.
/// </summary>
internal static class ChangeVerb
{
    public static void SetAction(Command command, ChangeHost host, ChangeOptions common, Func<ParseResult, Operation> build) =>
        command.SetAction((r, ct) => RunAsync(host, common, r, build, ct));

    public static async Task<int> RunAsync(ChangeHost host, ChangeOptions common, ParseResult r, Func<ParseResult, Operation> build, CancellationToken ct) =>
        (await RunManyAsync(host, common, r, p => [build(p)], null, ct).ConfigureAwait(false)).ExitCode;

    /// <summary>
    /// The shared change path for one operation or a whole plan: the operations run as ONE
    /// change-set through the executor (so the journal sees one change), or are only planned
    /// with --dry-run. <paramref name="adjust"/> lets a verb change the context (apply's
    /// --daemon-json). With --save, the operations are also written as a plan file.
    /// Returns the exit code and the report (null when refused before the executor ran).
    /// </summary>
    public static async Task<(int ExitCode, ChangeReport? Report)> RunManyAsync(ChangeHost host, ChangeOptions common, ParseResult r,
        Func<ParseResult, IReadOnlyList<Operation>> build, Func<OperationContext, OperationContext>? adjust, CancellationToken ct)
    {
        var json = r.GetValue(common.Json);
        IReadOnlyList<Operation> ops;
        NetworkTarget target;
        OperationContext ctx;
        try
        {
            ops = build(r);
            target = Target(r.GetValue(common.Netns));
            ctx = Context(r.GetValue(common.OvsDb));
            if (adjust is not null) ctx = adjust(ctx);
        }
        catch (UsageException e)
        {
            return (Refuse(host, json, [new ValueError(e.Field, e.Message[(e.Field.Length + 2)..])]), null);
        }

        if (r.GetValue(common.Save) is { } save)
            await PlanFiles.SaveAsync(save, PlanFile.Create(new PlanMetadata("nettui " + string.Join(' ', CommandPath(r)), DateTimeOffset.UtcNow, null, "local"), ops), ct).ConfigureAwait(false);

        var runner = host.Runner(target);
        var executor = new ChangeExecutor(runner, host.Inventory(r, runner, ctx.Ovs), host.Files(), host.Observer(target));
        var report = await executor.ApplyAsync(ops, ctx, new ApplyOptions(DryRun: r.GetValue(common.DryRun)), ct).ConfigureAwait(false);
        if (json) await host.Out.WriteLineAsync(ReportJson(report)).ConfigureAwait(false);
        else await PrintAsync(host, report).ConfigureAwait(false);
        return (report.ExitCode, report);
    }

    private static IEnumerable<string> CommandPath(ParseResult r)
    {
        var names = new List<string>();
        for (var c = r.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        return names;
    }

    private static NetworkTarget Target(string? netns)
    {
        if (netns is null) return NetworkTarget.Current;
        if (netns.Length is 0 or > 64 || netns is "." or ".." || !netns.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new UsageException("netns", $"'{netns}' is not a namespace name (letters, digits, -_. up to 64)");
        return new NetworkTarget(netns);
    }

    private static OperationContext Context(string? ovsDb)
    {
        if (ovsDb is null) return OperationContext.Default;
        var db = OvsDatabase.Parse(ovsDb);
        if (!db.Ok) throw new UsageException(db.Error!.Field, db.Error.Message);
        return OperationContext.Default with { Ovs = new OvsConnection(db.Get()) };
    }

    private static int Refuse(ChangeHost host, bool json, IReadOnlyList<ValueError> errors)
    {
        if (json)
            host.Out.WriteLine(JsonSerializer.Serialize(new { outcome = "rejected", exitCode = 2, errors }, OperationJson.Options));
        else
            foreach (var e in errors) host.Err.WriteLine($"nettui: {e}");
        return 2;
    }

    private static async Task PrintAsync(ChangeHost host, ChangeReport report)
    {
        if (report.Outcome == ChangeOutcome.Rejected)
        {
            foreach (var e in report.Errors) await host.Err.WriteLineAsync($"nettui: {e}").ConfigureAwait(false);
            return;
        }
        foreach (var o in report.Operations)
        {
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
    public static string ReportJson(ChangeReport r) => JsonSerializer.Serialize(new
    {
        outcome = r.Outcome,
        exitCode = r.ExitCode,
        summary = r.Summary,
        changeSetId = r.ChangeSetId,
        target = r.Target.Namespace,
        errors = r.Errors,
        operations = r.Operations.Select(o => new
        {
            operation = o.Operation,
            description = o.Operation.Describe(),
            plan = o.Plan.SelectMany(s => s.Preview()).ToImmutableArray(),
            steps = o.Plan,
            inverse = o.Inverse,
            inverseUnavailable = o.InverseUnavailable,
            ran = o.Steps,
            differences = o.Differences,
        }),
        failedStep = r.FailedStep,
        undone = r.Undone,
        undoFailures = r.UndoFailures,
        differences = r.Differences,
        notes = r.Notes,
    }, OperationJson.Options);
}
