using NetTui.Core.Commands;
using NetTui.Host.Commands;

namespace NetTui.Host.Inventory;

/// <summary>The outcome of running one read-only tool: its stdout, or why it could not be read.</summary>
public readonly record struct ToolOutput(string? Output, string? Failure)
{
    public bool Ok => Failure is null;
}

/// <summary>
/// Runs a tool for a reader and turns every way it can fail (not installed, timed out,
/// non-zero exit) into a one-line reason for <see cref="NetTui.Core.Model.SourceStatus"/>.
/// </summary>
public static class ToolRun
{
    public static async Task<ToolOutput> RunAsync(ICommandRunner runner, CommandSpec spec, CancellationToken ct)
    {
        try
        {
            var r = await runner.RunAsync(spec, ct).ConfigureAwait(false);
            return r.Succeeded ? new ToolOutput(r.StandardOutput, null) : new ToolOutput(null, FailureReason(r));
        }
        catch (CommandNotFoundException e)
        {
            return new ToolOutput(null, $"{e.Program} not installed");
        }
        catch (CommandTimeoutException)
        {
            return new ToolOutput(null, TimeoutReason(spec));
        }
    }

    /// <summary>Why a tool that ran failed: its own first message line.</summary>
    public static string FailureReason(CommandResult r) =>
        // nsenter (used for --netns) reports a program it cannot find as exit 126/127.
        r.ExitCode is 126 or 127 && r.StandardError.Contains("failed to execute", StringComparison.Ordinal)
            ? $"{r.Spec.Program} not installed"
            : r.Message;

    public static string TimeoutReason(CommandSpec spec) => $"{spec.Program} did not answer within {spec.Timeout.TotalSeconds:0.#} s";
}
