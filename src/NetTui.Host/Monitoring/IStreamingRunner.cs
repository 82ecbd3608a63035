using NetTui.Core.Commands;

namespace NetTui.Host.Monitoring;

/// <summary>
/// Runs a long-lived program (a monitor) and hands over its output line by line until it
/// exits or is cancelled. Separate from <c>ICommandRunner</c>, whose calls are bounded by a
/// timeout and buffered; this one is for streams.
/// </summary>
public interface IStreamingRunner
{
    /// <summary>Returns the exit code; cancellation stops the program and ends normally.</summary>
    Task<int> StreamAsync(CommandSpec spec, Action<string> onLine, CancellationToken ct);
}
