using System.CommandLine;
using NetTui.Cli.Doctor;
using NetTui.Cli.Show;

namespace NetTui.Cli;

/// <summary>
/// The command line. Each verb group lives in its own file and returns a Command; this
/// root only lists them. Exit codes: 0 ran, 1 could not read the host, 2 usage error.
/// </summary>
public static class NetTuiCli
{
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, new CliContext(Console.Out, Console.Error));

    public static async Task<int> RunAsync(string[] args, CliContext ctx, CancellationToken ct = default)
    {
        var root = BuildRoot(ctx);
        var parsed = root.Parse(args);
        var config = new InvocationConfiguration { Output = ctx.Output, Error = ctx.Error };
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
        return await parsed.InvokeAsync(config, ct).ConfigureAwait(false);
    }

    public static RootCommand BuildRoot(CliContext ctx)
    {
        var root = new RootCommand("NetTui: a full-screen terminal network manager for Linux hosts with containers and virtual switches");
        foreach (var o in ctx.Options.All) root.Options.Add(o);

        // Verb groups: one file each, returning their Command.
        root.Subcommands.Add(ShowCommand.Create(ctx));
        root.Subcommands.Add(DoctorCommand.Create(ctx));

        root.SetAction(async (r, ct) =>
        {
            // The full-screen UI is built separately; until it is wired in, say what exists.
            await ctx.Output.WriteLineAsync("nettui: the full-screen interface is not available in this build; try 'nettui show' or 'nettui --help'.").ConfigureAwait(false);
            return 0;
        });
        return root;
    }

    /// <summary>The verbs leading to the command being parsed ("show"), without the root.</summary>
    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var c = parsed.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        return names;
    }
}
