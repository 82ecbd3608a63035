using System.CommandLine;
using NetTui.Cli;

namespace NetTui.Tui;

/// <summary>
/// How the command line starts the full-screen UI: as the root's own action (`nettui`)
/// and as the `tui` verb (`nettui tui --theme light`). The common options (--netns,
/// --ovs-db, --docker-host, --log-file) come from the root and mean the same as for `show`.
/// </summary>
public static class TuiCommand
{
    public static void Attach(RootCommand root, CliContext ctx)
    {
        var theme = ThemeOption();
        root.Options.Add(theme);
        var runtimeOnly = Cli.Verbs.ChangeOptions.RuntimeOnlyOption();
        root.Options.Add(runtimeOnly);
        root.SetAction((r, ct) => RunAsync(r, ctx, theme, runtimeOnly));

        var tui = new Command("tui", "Start the full-screen interface (the same as no verb)");
        var tuiTheme = ThemeOption();
        tui.Options.Add(tuiTheme);
        var tuiRuntimeOnly = Cli.Verbs.ChangeOptions.RuntimeOnlyOption();
        tui.Options.Add(tuiRuntimeOnly);
        tui.SetAction((r, ct) => RunAsync(r, ctx, tuiTheme, tuiRuntimeOnly));
        root.Subcommands.Add(tui);
    }

    private static Option<string?> ThemeOption() => new("--theme")
    {
        Description = "Colour theme: dark (default), light, or 16 (the 16 ANSI colours)",
        HelpName = "NAME",
    };

    private static async Task<int> RunAsync(ParseResult r, CliContext ctx, Option<string?> theme, Option<bool> runtimeOnly)
    {
        if (r.GetValue(theme) is { } name && Theme.Find(name) is null)
        {
            await ctx.Error.WriteLineAsync($"nettui: unknown theme '{name}' (dark, light, 16)").ConfigureAwait(false);
            return NetTuiCli.UsageError;
        }
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            await ctx.Error.WriteLineAsync("nettui: the full-screen interface needs a terminal; for text output use 'nettui show'").ConfigureAwait(false);
            return NetTuiCli.UsageError;
        }
        var log = ctx.CreateLogger(r);
        return await TuiApp.RunAsync(new TuiOptions(r.GetValue(ctx.Options.Netns), r.GetValue(theme))
        {
            Log = log,
            // A test's inventory if it gave one; else TuiApp reads the host with the options below.
            InventoryFactory = ctx.InventoryFactory is { } fake ? _ => fake(r, log) : null,
            Host = Composition.CliComposition.Options(ctx, r),
            Parts = ctx.Parts with { LockWait = TuiChangePath.DefaultLockWait },
            RuntimeOnly = r.GetValue(runtimeOnly),
            ReadOnly = r.GetValue(ctx.Options.ReadOnly),
        }).ConfigureAwait(false);
    }
}
