using System.CommandLine;
using System.CommandLine.Parsing;

namespace NetTui.Cli;

/// <summary>
/// `--read-only`: only verbs that read may run. Every other verb (the change verbs, apply,
/// persist make, doctor --fix, wizard --apply, undo/redo/rollback/finish/confirm, the
/// watchdog) is refused with one line before anything is read or run: exit 2, nothing changes.
/// Allow-listed rather than deny-listed, so a verb added later is refused until it is known to read only.
/// </summary>
public static class ReadOnlyGuard
{
    private static readonly HashSet<string> Reading = new(StringComparer.Ordinal)
    {
        "", "tui", "show", "stats", "trace", "capture", "history", "persist show", "doctor", "wizard tunnel", "export ansible", "export nmstate", "__man", "__bash-completion",
    };

    /// <summary>Options that turn a reading verb into a change.</summary>
    private static readonly HashSet<string> Changing = new(StringComparer.Ordinal) { "--fix", "--apply" };

    /// <summary>Whether --read-only was given (read without conversion: other options may not parse).</summary>
    public static bool Asked(ParseResult parsed, Option<bool> readOnly) => parsed.GetResult(readOnly) is { Implicit: false };

    /// <summary>Null when <paramref name="parsed"/> may run under --read-only; else the one line that refuses it.</summary>
    public static string? Refusal(ParseResult parsed, IReadOnlyList<string> commandPath)
    {
        var verb = string.Join(' ', commandPath);
        if (!Reading.Contains(verb))
            return $"nettui: --read-only: '{verb}' changes the network; nothing was done";
        foreach (var option in parsed.CommandResult.Children.OfType<OptionResult>())
            if (!option.Implicit && Changing.Contains(option.Option.Name))
                return $"nettui: --read-only: '{verb} {option.Option.Name}' changes the network; nothing was done";
        return null;
    }
}
