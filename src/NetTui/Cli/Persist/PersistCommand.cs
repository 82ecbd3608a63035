using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Host.Inventory;

namespace NetTui.Cli.Persist;

/// <summary>
/// `nettui persist show [--json]`: for every link, address and route, where it persists
/// (NetworkManager profile, OVSDB, Docker, kernel, or runtime only), and the drift between
/// what boot will build and what runs now. `nettui persist make IFACE [--dry-run]`: give a
/// runtime-only interface the NetworkManager profile that builds it as it is now.
/// </summary>
public static class PersistCommand
{
    public static Command Create(CliContext ctx, ChangeHost host)
    {
        var persist = new Command("persist", "What survives a reboot, and making runtime objects persistent (NetworkManager)");
        persist.Add(Show(ctx));
        persist.Add(Make(host));
        return persist;
    }

    private static Command Show(CliContext ctx)
    {
        var json = new Option<bool>("--json") { Description = "Print objects, their persistence and the drift as JSON" };
        var cmd = new Command("show", "Where each link, address and route persists, and the drift from the boot configuration") { json };
        cmd.SetAction(async (r, ct) =>
        {
            var log = ctx.CreateLogger(r);
            var target = ctx.Target(r);
            if (!target.IsCurrent && !File.Exists(target.NamespacePath))
            {
                await ctx.Error.WriteLineAsync($"nettui: no network namespace '{target.Namespace}' ({target.NamespacePath} does not exist)").ConfigureAwait(false);
                return 1;
            }
            var snapshot = await ctx.CreateInventory(r, log).ReadAsync(InventoryParts.All, ct).ConfigureAwait(false);
            if (snapshot.NetworkManager is null) snapshot = PersistenceAnnotator.Annotate(snapshot); // a fake inventory in tests
            var report = PersistReport.From(snapshot);
            if (r.GetValue(json)) await ctx.Output.WriteLineAsync(Json.CliJson.Document(report)).ConfigureAwait(false);
            else foreach (var line in PersistReport.Render(report)) await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
            if (snapshot.Source(SourceKind.IpRoute2) is { Available: false } ip)
            {
                await ctx.Error.WriteLineAsync($"nettui: cannot read the host: {ip.Reason}").ConfigureAwait(false);
                return 1;
            }
            return 0;
        });
        return cmd;
    }

    private static Command Make(ChangeHost host)
    {
        var cmd = new Command("make", "Save a NetworkManager profile for a runtime-only interface (bridge with its addresses, routes and ports) and let NetworkManager take it over");
        var iface = new Argument<string>("IFACE");
        cmd.Add(iface);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new MakePersistent(r.GetValue(iface)!));
        return cmd;
    }
}
