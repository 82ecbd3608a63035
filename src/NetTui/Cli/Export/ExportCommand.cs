using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.Core.Export.Ansible;
using NetTui.Files;

namespace NetTui.Cli.Export;

/// <summary>
/// `nettui export ansible PLAN... [--out DIR] [--hosts PATTERN]`: plan files as an Ansible
/// playbook that a stock Ansible applies to a fleet (docs/ansible.md). It reads files and
/// writes one; the host's network is never touched, so it is allowed under --read-only.
/// </summary>
public static class ExportCommand
{
    public const string PlaybookFile = "playbook.yml";

    public static Command Create(CliContext ctx)
    {
        var export = new Command("export", "Write NetTui's changes in another tool's format (Ansible, nmstate)");
        export.Subcommands.Add(Ansible(ctx));
        export.Subcommands.Add(Nmstate(ctx));
        return export;
    }

    private static Command Ansible(CliContext ctx)
    {
        var cmd = new Command("ansible", "Turn plan files into one Ansible playbook (community.general.nmcli, openvswitch.openvswitch)");
        var plans = new Argument<string[]>("PLAN") { Description = "Plan files (nettui apply's format; any change verb's --save writes one)", Arity = ArgumentArity.ZeroOrMore };
        var fromHost = new Option<bool>("--from-host") { Description = "Export this host's NetTui-made objects (bridges with NetTui's profiles, the OVS bridges joined to them) instead of or before the plans" };
        var outDir = new Option<string?>("--out") { Description = $"Write DIR/{PlaybookFile} (0600) instead of printing the playbook", HelpName = "DIR" };
        var hosts = new Option<string?>("--hosts") { Description = "The plays' hosts pattern (default: the variable nettui_hosts, else all)", HelpName = "PATTERN" };
        cmd.Add(plans);
        cmd.Add(outDir);
        cmd.Add(hosts);
        cmd.Add(fromHost);
        cmd.SetAction(async (r, ct) =>
        {
            var named = new List<NamedPlan>();
            var errors = new List<string>();
            if (r.GetValue(fromHost))
                named.Add(await FromHostAsync(ctx, r, ct).ConfigureAwait(false));
            else if (r.GetValue(plans) is not { Length: > 0 })
            {
                await ctx.Error.WriteLineAsync("nettui: export ansible: give PLAN files or --from-host").ConfigureAwait(false);
                return 2;
            }
            if (!await ReadPlansAsync(ctx, r.GetValue(plans) ?? [], named, ct).ConfigureAwait(false)) return 2;
            var text = AnsibleExport.Playbook(named, r.GetValue(hosts) ?? AnsibleExport.DefaultHosts);
            if (r.GetValue(outDir) is not { } dir)
            {
                await ctx.Output.WriteAsync(text).ConfigureAwait(false);
                return 0;
            }
            Directory.CreateDirectory(dir);
            var target = Path.Combine(dir, PlaybookFile);
            await SafeFileWriter.WriteAsync(target, text, ct).ConfigureAwait(false);
            await ctx.Output.WriteLineAsync($"playbook written to {target} (ansible-playbook -i INVENTORY {target})").ConfigureAwait(false);
            return 0;
        });
        return cmd;
    }

    private static Command Nmstate(CliContext ctx)
    {
        var cmd = new Command("nmstate", "Turn plan files into a kubernetes-nmstate NodeNetworkConfigurationPolicy (what nmstate can express; the rest listed at the top)");
        var plans = new Argument<string[]>("PLAN") { Description = "Plan files", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Write the policy to FILE (0600) instead of printing it", HelpName = "FILE" };
        var name = new Option<string?>("--name") { Description = "metadata.name of the policy (default nettui-PLAN)", HelpName = "NAME" };
        cmd.Add(plans);
        cmd.Add(output);
        cmd.Add(name);
        cmd.SetAction(async (r, ct) =>
        {
            var named = new List<NamedPlan>();
            var paths = r.GetValue(plans)!;
            if (!await ReadPlansAsync(ctx, paths, named, ct).ConfigureAwait(false)) return 2;
            var text = Core.Export.Nmstate.NmstateExport.Policy(named, r.GetValue(name) ?? Core.Export.Nmstate.NmstateExport.PolicyName(paths[0]));
            if (r.GetValue(output) is not { } file)
            {
                await ctx.Output.WriteAsync(text).ConfigureAwait(false);
                return 0;
            }
            await SafeFileWriter.WriteAsync(file, text, ct).ConfigureAwait(false);
            await ctx.Output.WriteLineAsync($"policy written to {file} (kubectl apply -f {file})").ConfigureAwait(false);
            return 0;
        });
        return cmd;
    }

    /// <summary>Reads and checks every plan; on any error prints them all (as `apply` words them) and returns false: nothing is written.</summary>
    private static async Task<bool> ReadPlansAsync(CliContext ctx, IEnumerable<string> paths, List<NamedPlan> named, CancellationToken ct)
    {
        var errors = new List<string>();
        foreach (var path in paths)
        {
            var (plan, readErrors) = await PlanFiles.ReadAsync(path, ct).ConfigureAwait(false);
            errors.AddRange(readErrors);
            if (plan is not null) named.Add(new NamedPlan(path, plan));
        }
        errors.AddRange(AnsibleExport.Check(named));
        if (errors.Count == 0) return true;
        foreach (var e in errors) await ctx.Error.WriteLineAsync($"nettui: {e}").ConfigureAwait(false);
        await ctx.Error.WriteLineAsync("nettui: nothing was written").ConfigureAwait(false);
        return false;
    }

    /// <summary>This host (or --netns) read in full, its NetTui-made objects as one plan (Core/Export/HostExport).</summary>
    private static async Task<NamedPlan> FromHostAsync(CliContext ctx, ParseResult r, CancellationToken ct)
    {
        var log = ctx.CreateLogger(r);
        try
        {
            var snapshot = await ctx.CreateInventory(r, log).ReadAsync(ct: ct).ConfigureAwait(false);
            var ops = Core.Export.HostExport.Operations(snapshot);
            var plan = Core.Plans.PlanFile.Create(new Core.Plans.PlanMetadata("nettui export ansible --from-host", DateTimeOffset.UtcNow, snapshot.HostName,
                Description: $"the NetTui-made objects of {snapshot.HostName}{(snapshot.Namespace is { } ns ? $" (namespace {ns})" : "")}"), ops,
                ops.Count == 0 ? ["this host has no bridge with a NetTui profile: nothing to reproduce"] : null);
            return new NamedPlan(snapshot.HostName, plan);
        }
        finally
        {
            (log as IDisposable)?.Dispose();
        }
    }
}
