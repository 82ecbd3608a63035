using System.CommandLine;
using NetTui.Cli.Doctor;
using NetTui.Cli.Show;
using NetTui.Cli.Verbs;

namespace NetTui.Cli;

/// <summary>
/// The command line. Each verb group lives in its own file and returns a Command; this
/// root only lists them. Exit codes: 0 ran, 1 could not read the host, 2 usage error.
/// </summary>
public static class NetTuiCli
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        // Console.Out flushes every write: 200,000 route lines would be 200,000 syscalls. Buffer, flush once.
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        try
        {
            return await RunAsync(args, new CliContext(stdout, Console.Error)).ConfigureAwait(false);
        }
        finally
        {
            await stdout.FlushAsync().ConfigureAwait(false);
        }
    }

    public static async Task<int> RunAsync(string[] args, CliContext ctx, CancellationToken ct = default)
    {
        Host.Diagnostics.PhaseTiming.Mark("cli: start");
        var root = BuildRoot(ctx);
        var parsed = root.Parse(args);
        Host.Diagnostics.PhaseTiming.Mark("cli: parsed");
        var config = new InvocationConfiguration { Output = ctx.Output, Error = ctx.Error };
        // Before usage errors: a change verb under --read-only is refused in one line, complete or not.
        if (ReadOnlyGuard.Asked(parsed, ctx.Options.ReadOnly) && ReadOnlyGuard.Refusal(parsed, CommandPath(parsed)) is { } refused)
        {
            await ctx.Error.WriteLineAsync(refused).ConfigureAwait(false);
            return UsageError;
        }
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
                await ctx.Error.WriteLineAsync($"nettui: {e.Message}").ConfigureAwait(false);
            await ctx.Error.WriteLineAsync().ConfigureAwait(false);
            // The usage of the command the user was typing, on stderr.
            await root.Parse([.. CommandPath(parsed), "--help"])
                .InvokeAsync(new InvocationConfiguration { Output = ctx.Error, Error = ctx.Error }, ct).ConfigureAwait(false);
            return UsageError;
        }
        try
        {
            config.EnableDefaultExceptionHandler = false;
            return await parsed.InvokeAsync(config, ct).ConfigureAwait(false);
        }
        catch (NetTui.Files.UnsafeFileException e)
        {
            // A planted link or another user's file (journal, lock, plan): one line, nothing run.
            await ctx.Error.WriteLineAsync($"nettui: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }
        catch (Exception e)
        {
            // What System.CommandLine's default handler did: print all but a cancellation, exit 1.
            if (e is not OperationCanceledException) await ctx.Error.WriteLineAsync($"Unhandled exception: {e}").ConfigureAwait(false);
            return 1;
        }
    }

    public static RootCommand BuildRoot(CliContext ctx)
    {
        var root = new RootCommand("NetTui: a full-screen terminal network manager for Linux hosts with containers and virtual switches");
        foreach (var o in ctx.Options.All) root.Options.Add(o);

        // Verb groups: one file each, returning their Command.
        root.Subcommands.Add(ShowCommand.Create(ctx));
        root.Subcommands.Add(Stats.StatsCommand.Create(ctx));
        root.Subcommands.Add(Trace.TraceCommand.Create(ctx));
        root.Subcommands.Add(Capture.CaptureCommand.Create(ctx));
        var changes = ChangeHostFor(ctx);
        foreach (var verb in ChangeVerbs.Create(changes)) root.Subcommands.Add(verb);
        root.Subcommands.Add(NetTui.Cli.Persist.PersistCommand.Create(ctx, changes));
        root.Subcommands.Add(DoctorCommand.Create(ctx, changes));
        root.Subcommands.Add(WizardVerbs.Create(changes));

        // History: one file each under Cli/History.
        root.Subcommands.Add(History.HistoryCommand.Create(changes));
        root.Subcommands.Add(History.UndoCommand.Create(changes));
        root.Subcommands.Add(History.RedoCommand.Create(changes));
        root.Subcommands.Add(History.RollbackCommand.Create(changes));
        root.Subcommands.Add(History.FinishCommand.Create(changes));
        root.Subcommands.Add(History.ConfirmCommand.Create(changes));
        root.Subcommands.Add(History.WatchdogCommand.Create(changes, ctx));
        // Hidden: the man page and bash completion, written from this tree at package build time.
        foreach (var doc in Docs.DocsCommands.Create(ctx)) root.Subcommands.Add(doc);

        // No verb, or `nettui tui`: the full-screen UI.
        Tui.TuiCommand.Attach(root, ctx);
        return root;
    }

    /// <summary>The change verbs' host, from the composition root (<see cref="Composition.CliComposition"/>).</summary>
    internal static ChangeHost ChangeHostFor(CliContext ctx) => Composition.CliComposition.ChangeHost(ctx);

    /// <summary>The verbs leading to the command being parsed ("show"), without the root.</summary>
    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var c = parsed.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        return names;
    }
}
