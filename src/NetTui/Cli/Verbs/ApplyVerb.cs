using System.CommandLine;
using System.Text.Json;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Host.Changes;

namespace NetTui.Cli.Verbs;

/// <summary>
/// `nettui apply PLAN [--daemon-json PATH] [--dry-run] [--json] [--save PLAN]`: a plan file,
/// checked whole (strict parse, then every operation against the host as the earlier ones
/// leave it), applied all or nothing as one change-set. After a successful apply the plan
/// that takes it back is written next to it (PLAN.teardown.json).
/// </summary>
public static class ApplyVerb
{
    public static Command Create(ChangeHost host)
    {
        var apply = new Command("apply", "Apply a plan file (JSON, schema nettui.plan/v1) all or nothing, as one change");
        var plan = new Argument<string>("PLAN") { Description = "The plan file (see docs/plan-files.md); \"-\" reads stdin" };
        var daemonJson = DaemonJsonOption();
        apply.Add(plan);
        apply.Add(daemonJson);
        var common = ChangeOptions.AddTo(apply, host);
        apply.SetAction((r, ct) => ApplyFileAsync(host, common, r, r.GetValue(plan)!, r.GetValue(daemonJson), ct));
        return apply;
    }

    internal static Option<string?> DaemonJsonOption() => new("--daemon-json")
    {
        Description = $"daemon.json for Docker operations that name none (default {OperationContext.DefaultDaemonJson})",
        HelpName = "PATH",
    };

    /// <summary>Reads, checks and applies one plan file; writes its teardown next to it when it was applied.</summary>
    internal static async Task<int> ApplyFileAsync(ChangeHost host, ChangeOptions common, ParseResult r, string path, string? daemonJson, CancellationToken ct, bool writeTeardown = true)
    {
        var json = r.GetValue(common.Json);
        var (plan, errors) = await PlanFiles.ReadAsync(path, ct).ConfigureAwait(false);
        if (plan is null)
        {
            if (json) await host.Out.WriteLineAsync(Json.CliJson.Operation(Json.RejectedDocument<string>.Of(errors))).ConfigureAwait(false);
            else foreach (var e in errors) await host.Err.WriteLineAsync($"nettui: {e}").ConfigureAwait(false);
            return 2;
        }
        if (!json)
        {
            await host.Out.WriteLineAsync($"# plan {path}: {plan.Operations.Length} operation(s){(plan.Metadata.Description is { } d ? $", {d}" : "")}").ConfigureAwait(false);
            foreach (var m in plan.Messages) await host.Out.WriteLineAsync($"# {m}").ConfigureAwait(false);
        }

        // --daemon-json names the file for Docker operations that name none, so the plan (and its teardown) say which.
        var ops = plan.Operations.Select(o => (daemonJson, o) switch
        {
            (not null, SetDockerDefaultBridge { DaemonJsonPath: null } d) => d with { DaemonJsonPath = daemonJson },
            (not null, SetDockerMtu { DaemonJsonPath: null } m) => m with { DaemonJsonPath = daemonJson },
            _ => o,
        }).ToList();
        return await ChangeVerb.RunAsync(host, common, r, ops, ct, writeTeardown
            ? async (report, _, _, token) => { await SaveTeardownAsync(host, json, path, plan, report, token).ConfigureAwait(false); return report.ExitCode; }
            : null).ConfigureAwait(false);
    }

    /// <summary>The inverses the executor computed from the real host before each operation, newest first.</summary>
    private static async Task SaveTeardownAsync(ChangeHost host, bool json, string path, PlanFile plan, ChangeReport report, CancellationToken ct)
    {
        var w = json ? host.Err : host.Out;
        var missing = report.Operations.FirstOrDefault(o => o.Inverse is null);
        if (missing is not null)
        {
            await w.WriteLineAsync($"note: no teardown written: operation {missing.Index + 1} cannot be taken back ({missing.InverseUnavailable})").ConfigureAwait(false);
            return;
        }
        var teardown = PlanFile.Create(
            new PlanMetadata("nettui apply", DateTimeOffset.UtcNow, plan.Metadata.ForHost, "teardown",
                $"takes back {Path.GetFileName(path)} (change-set {report.ChangeSetId})"),
            report.Operations.Reverse().Select(o => o.Inverse!));
        if (path == "-") return; // read from stdin: nowhere to put it next to
        var target = PlanFiles.TeardownPath(path);
        if (target == path) return; // applying a teardown does not write a teardown of the teardown over itself
        await PlanFiles.SaveAsync(target, teardown, ct).ConfigureAwait(false);
        await w.WriteLineAsync($"teardown plan written to {target} (nettui wizard teardown {path})").ConfigureAwait(false);
    }
}
