using System.CommandLine;
using NetTui.Core.Doctor;
using NetTui.Host.Commands;
using NetTui.Host.Doctor;
using NetTui.Host.Inventory;

namespace NetTui.Cli.Doctor;

/// <summary>
/// `nettui doctor [--json]`: diagnose; exit 0 when healthy, 1 when problems remain.
/// `nettui doctor --fix ID [--set NAME=VALUE]... [--yes]`: show the fix's commands, ask
/// (on a terminal), run them, diagnose again. Without --yes and without a terminal it
/// refuses with exit 2: a fix is never applied without someone saying so.
/// </summary>
public static class DoctorCommand
{
    public const int Healthy = 0;
    public const int ProblemsRemain = 1;

    public static Command Create(CliContext ctx, NetTui.Cli.Verbs.ChangeHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print findings (or the fix result) as JSON" };
        var fix = new Option<string?>("--fix") { Description = "Fix one finding (its id, as listed)", HelpName = "ID" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply the fix without asking" };
        var set = new Option<string[]>("--set")
        {
            Description = "A value the fix needs, e.g. --set remote_ip=192.168.42.131",
            HelpName = "NAME=VALUE",
            AllowMultipleArgumentsPerToken = false,
        };
        var dockerConfig = new Option<string?>("--docker-config") { Description = "Docker's daemon.json (default /etc/docker/daemon.json)", HelpName = "PATH" };
        var bootScript = new Option<string[]>("--boot-script") { Description = "Boot scripts to inspect (default /etc/rc.local and /etc/rc.d/rc.local)", HelpName = "PATH" };
        var plan = new Option<string?>("--plan") { Description = "A tunnel wizard plan of this host: its route names the peer's container subnet", HelpName = "PLAN" };
        var resolvConf = new Option<string?>("--resolv-conf") { Description = "The resolv.conf Docker copies into containers (default /etc/resolv.conf)", HelpName = "PATH" };

        var command = new Command("doctor", "Find what is wrong with the host's network (OVS first) and fix it, one confirmed step at a time")
        {
            json, fix, yes, set, dockerConfig, bootScript, plan, resolvConf,
        };
        command.SetAction(async (r, ct) =>
        {
            var log = ctx.CreateLogger(r);
            var target = ctx.Target(r);
            if (!target.IsCurrent && !File.Exists(target.NamespacePath))
            {
                await ctx.Error.WriteLineAsync($"nettui: no network namespace '{target.Namespace}' ({target.NamespacePath} does not exist)").ConfigureAwait(false);
                return ProblemsRemain;
            }
            if (r.GetValue(fix) is { } asked && DoctorFixFlow.CheckArguments(asked, r.GetValue(set) ?? []) is { } problem)
            {
                await ctx.Error.WriteLineAsync("nettui doctor: " + problem).ConfigureAwait(false);
                return NetTuiCli.UsageError;
            }
            var options = new DoctorOptions
            {
                OvsDatabase = r.GetValue(ctx.Options.OvsDb),
                OvsEnvironment = DoctorOptions.OvsEnvironmentOfThisProcess(),
                DaemonJsonPath = r.GetValue(dockerConfig) ?? "/etc/docker/daemon.json",
                BootScriptPaths = r.GetValue(bootScript) is { Length: > 0 } scripts ? [.. scripts] : new DoctorOptions().BootScriptPaths,
                ResolvConfPath = r.GetValue(resolvConf) ?? "/etc/resolv.conf",
            };
            if (r.GetValue(plan) is { } planPath)
            {
                var (peerPlan, errors) = await NetTui.Cli.Verbs.PlanFiles.ReadAsync(planPath, ct).ConfigureAwait(false);
                if (peerPlan is null)
                {
                    await ctx.Error.WriteLineAsync("nettui doctor: " + string.Join("; ", errors)).ConfigureAwait(false);
                    return NetTuiCli.UsageError;
                }
                options = options with { PeerSubnets = NetTui.Core.Doctor.Facts.PlanPeers.Of(peerPlan, planPath) };
            }
            // The one change path of this invocation: its runner and inventory, and for --fix its journal (--history).
            using var changes = host.Changes(r);
            var service = new DoctorService(changes.Runner(target), changes.Inventory(target), options, log)
            {
                Changes = new NetTui.Doctor.ChangePathFixApplier(changes),
                NetworkManager = changes.NetworkManagerClient,
            };
            var explanations = ExplanationLibrary.Default;

            if (r.GetValue(fix) is { } id)
            {
                var flow = new DoctorFixFlow(ctx, service, explanations, target, changes);
                return await flow.RunAsync(id, r.GetValue(set) ?? [], r.GetValue(yes), r.GetValue(json), ct).ConfigureAwait(false);
            }

            var report = await service.DiagnoseAsync(ct).ConfigureAwait(false);
            if (r.GetValue(json))
                await ctx.Output.WriteLineAsync(DoctorJson.Report(report, explanations)).ConfigureAwait(false);
            else
                foreach (var line in DoctorText.Report(report, explanations, target))
                    await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
            return report.Healthy ? Healthy : ProblemsRemain;
        });
        return command;
    }
}
