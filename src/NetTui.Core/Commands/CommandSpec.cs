using System.Collections.Immutable;

namespace NetTui.Core.Commands;

/// <summary>
/// One external program call: argv (never a shell string), a timeout, and whether it must
/// run inside the target network namespace. Environment entries are added to the
/// inherited environment (LC_ALL=C is always set so messages can be parsed).
/// </summary>
public sealed record CommandSpec(
    string Program,
    ImmutableArray<string> Arguments,
    TimeSpan Timeout,
    bool InTargetNamespace = true,
    ImmutableDictionary<string, string>? Environment = null,
    string? StandardInput = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static CommandSpec Of(string program, params string[] args) =>
        new(program, [.. args], DefaultTimeout);

    public CommandSpec WithTimeout(TimeSpan t) => this with { Timeout = t };
    public CommandSpec OutsideNamespace() => this with { InTargetNamespace = false };

    /// <summary>The command as an admin would type it (for previews and logs).</summary>
    public string Display => ShellQuote.Join([Program, .. Arguments]);
}

public sealed record CommandResult(CommandSpec Spec, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>First non-empty stderr line, else stdout's: what the admin needs to read.</summary>
    public string Message
    {
        get
        {
            foreach (var text in new[] { StandardError, StandardOutput })
                foreach (var line in text.Split('\n'))
                    if (!string.IsNullOrWhiteSpace(line)) return line.Trim();
            return $"exit code {ExitCode}";
        }
    }
}
