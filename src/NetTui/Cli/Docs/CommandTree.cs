using System.CommandLine;
using System.CommandLine.Completions;

namespace NetTui.Cli.Docs;

/// <summary>One visible command of the tree, with the words that lead to it ("bridge add").</summary>
public sealed record CommandEntry(IReadOnlyList<string> Path, Command Command, IReadOnlyList<Option> Options)
{
    public string PathText => string.Join(' ', Path);

    /// <summary>"nettui bridge add NAME [--address CIDR]..." style usage: the path and its arguments.</summary>
    public string Usage => string.Join(' ', ["nettui", .. Path, .. Command.Arguments.Where(a => !a.Hidden).Select(CommandTree.ArgumentUsage)]);
}

/// <summary>
/// The visible part of the System.CommandLine tree, walked once for the man page and the
/// bash completion, so neither can list a verb or option the program does not have (or miss
/// one it has). Hidden commands and options (the watchdog, these generators) are left out.
/// </summary>
public static class CommandTree
{
    /// <summary>Every visible command below the root, depth first in declaration order.</summary>
    public static IReadOnlyList<CommandEntry> Walk(RootCommand root)
    {
        var entries = new List<CommandEntry>();
        Visit(root, [], Inherited(root, []), entries);
        return entries;
    }

    /// <summary>The root's options that every verb takes (Recursive), e.g. --netns.</summary>
    public static IReadOnlyList<Option> GlobalOptions(RootCommand root) =>
        [.. root.Options.Where(o => !o.Hidden && o.Recursive)];

    /// <summary>The root's own options that apply to `nettui` alone (--theme, --version).</summary>
    public static IReadOnlyList<Option> RootOnlyOptions(RootCommand root) =>
        [.. root.Options.Where(o => !o.Hidden && !o.Recursive)];

    /// <summary>Every Unix-style name of an option, its main name first ("--help", "-?", "-h"); help's "/?" and "/h" are left out.</summary>
    public static IEnumerable<string> Names(Option option) => [option.Name, .. option.Aliases.Where(a => a.StartsWith('-')).Order(StringComparer.Ordinal)];

    /// <summary>Whether the option is followed by a value (--netns NAME) rather than being a flag (--json).</summary>
    public static bool TakesValue(Option option) =>
        option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);

    /// <summary>The value's placeholder in usage text: the help name, else the option name without dashes.</summary>
    public static string ValueName(Option option) => option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant();

    public static string ArgumentUsage(Argument argument)
    {
        var name = argument.HelpName ?? argument.Name.ToUpperInvariant();
        if (argument.Arity.MaximumNumberOfValues > 1) name += "...";
        return argument.Arity.MinimumNumberOfValues == 0 ? $"[{name}]" : name;
    }

    /// <summary>The fixed values a symbol accepts (show's parts, --kind's modes); empty when any value goes.</summary>
    public static IReadOnlyList<string> FixedValues(Symbol symbol)
    {
        if (symbol is Option option && !TakesValue(option)) return [];
        return [.. symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Distinct()];
    }

    private static void Visit(Command command, List<string> path, List<Option> inherited, List<CommandEntry> entries)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            List<string> subPath = [.. path, sub.Name];
            var own = sub.Options.Where(o => !o.Hidden);
            entries.Add(new CommandEntry(subPath, sub, [.. own, .. inherited.Where(o => !own.Any(x => x.Name == o.Name))]));
            Visit(sub, subPath, Inherited(sub, inherited), entries);
        }
    }

    /// <summary>The recursive options a command passes down to its subcommands.</summary>
    private static List<Option> Inherited(Command command, List<Option> fromAbove) =>
        [.. fromAbove, .. command.Options.Where(o => o.Recursive && !o.Hidden && fromAbove.All(x => x.Name != o.Name))];
}
