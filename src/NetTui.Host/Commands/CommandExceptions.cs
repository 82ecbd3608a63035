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
    : Exception(CommandTimeouts.Describe(spec, spec.Timeout, $"the limit NetTui gives {spec.Program}"))
{
    public CommandSpec Spec { get; } = spec;
}
