using System.CommandLine;
using NetTui.Cli.Verbs;

namespace NetTui.Cli;

/// <summary>
/// The command line: verb groups, one file each. Exit codes: 0 done, 1 a change failed
/// (nothing left half-done), 2 usage or validation error.
/// (ops branch: only the change verbs are registered here; the lead merges this with the
/// inventory branch's root, which brings `show`, the shared --netns/--ovs-db options and
/// the real inventory for <see cref="ChangeHost.Inventory"/>.)
/// </summary>
public static class NetTuiCli
{
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, DefaultChangeHost());

    public static async Task<int> RunAsync(string[] args, ChangeHost changes, CancellationToken ct = default)
    {
        var root = BuildRoot(changes);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
                await changes.Err.WriteLineAsync($"nettui: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = changes.Out, Error = changes.Err }, ct).ConfigureAwait(false);
    }

    public static RootCommand BuildRoot(ChangeHost changes)
    {
        var root = new RootCommand("NetTui: a full-screen terminal network manager for Linux hosts with containers and virtual switches");
        foreach (var verb in ChangeVerbs.Create(changes)) root.Subcommands.Add(verb);
        return root;
    }

    /// <summary>Until the inventory branch is merged there is no real inventory here; --dry-run and validation need one.</summary>
    private static ChangeHost DefaultChangeHost() => new()
    {
        Inventory = (_, _) => throw new NotSupportedException("the host inventory is not in this build yet"),
    };
}
