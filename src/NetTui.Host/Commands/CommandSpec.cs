using System.Collections.Immutable;

namespace NetTui.Host.Commands;

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

/// <summary>Raised when a program is not installed or cannot be started.</summary>
public sealed class CommandNotFoundException(string program, Exception inner)
    : Exception($"{program}: not found or not executable ({inner.Message})", inner)
{
    public string Program { get; } = program;
}

/// <summary>Raised when a program did not finish within its timeout (it has been killed).</summary>
public sealed class CommandTimeoutException(CommandSpec spec)
    : Exception($"{spec.Program} did not answer within {spec.Timeout.TotalSeconds:0.#} s ({spec.Display})")
{
    public CommandSpec Spec { get; } = spec;
}
