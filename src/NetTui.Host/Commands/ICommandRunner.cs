using NetTui.Core.Commands;

namespace NetTui.Host.Commands;

/// <summary>
/// The one gate through which every external program runs. It knows the target network
/// namespace and wraps calls that must run there; it never uses a shell.
/// </summary>
public interface ICommandRunner
{
    NetworkTarget Target { get; }

    /// <summary>Runs the command; non-zero exit is a result, not an exception.
    /// Throws <see cref="CommandNotFoundException"/> or <see cref="CommandTimeoutException"/>.</summary>
    Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken ct = default);
}
