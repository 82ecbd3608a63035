using System.CommandLine;
using System.Reflection;

namespace NetTui.Cli.Docs;

/// <summary>
/// Hidden verbs that print the man page and the bash completion from the tree they are part
/// of; packaging/build-deb.sh runs them on the binary it packages, so the docs in the .deb
/// describe exactly that binary.
/// </summary>
public static class DocsCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var man = new Command("__man", "Print the nettui(8) man page (roff), generated from the command tree") { Hidden = true };
        man.SetAction(async (r, ct) =>
        {
            await ctx.Output.WriteAsync(ManPage.Render(Root(r), Version)).ConfigureAwait(false);
            return 0;
        });
        var completion = new Command("__bash-completion", "Print the bash completion script, generated from the command tree") { Hidden = true };
        completion.SetAction(async (r, ct) =>
        {
            await ctx.Output.WriteAsync(BashCompletion.Render(Root(r))).ConfigureAwait(false);
            return 0;
        });
        return [man, completion];
    }

    private static RootCommand Root(ParseResult r) => (RootCommand)r.RootCommandResult.Command;

    /// <summary>The version `nettui --version` prints, without the source revision after '+'.</summary>
    public static string Version =>
        (typeof(DocsCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0").Split('+')[0];
}
