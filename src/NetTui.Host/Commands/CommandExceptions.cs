using NetTui.Core.Commands;

namespace NetTui.Host.Commands;

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
