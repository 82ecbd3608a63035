using System.CommandLine;
using NetTui.Cli;
using NetTui.Cli.Docs;

namespace NetTui.PackageTests;

/// <summary>The real command tree the binary parses, and its visible verbs and options.</summary>
internal static class TreeSample
{
    public static RootCommand Root() => NetTuiCli.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null));

    public static IReadOnlyList<CommandEntry> Commands(RootCommand root) => CommandTree.Walk(root);
}
