using System.ComponentModel;
using System.Text;
using CliWrap;
using NetTui.Core.Commands;
using NetTui.Host.Commands;
using CommandResult = NetTui.Core.Commands.CommandResult;

namespace NetTui.Host.Inventory;

/// <summary>
/// Runs a read-only tool and parses its stdout while it is still being written, instead of
/// buffering megabytes of text first (200,000 routes are 19 MB). With the real
/// <see cref="CommandRunner"/> the stream is the process's stdout; any other runner (test
/// fakes) is run normally and its output handed over as a stream. Failures are reasons, as
/// in <see cref="ToolRun"/>.
/// </summary>
public static class StreamingToolRun
{
    public static async Task<(T? Value, string? Failure)> RunAsync<T>(
        ICommandRunner runner, CommandSpec spec, Func<Stream, CancellationToken, Task<T>> parse, CancellationToken ct)
        where T : notnull
    {
        if (runner is not CommandRunner real)
        {
            var run = await ToolRun.RunAsync(runner, spec, ct).ConfigureAwait(false);
            if (!run.Ok) return (default, run.Failure);
            using var ms = new MemoryStream(Encoding.UTF8.GetBytes(run.Output!));
            return (await parse(ms, ct).ConfigureAwait(false), null);
        }

        var argv = real.Argv(spec);
        var env = new Dictionary<string, string?> { ["LC_ALL"] = "C" };
        if (spec.Environment is not null)
            foreach (var (k, v) in spec.Environment) env[k] = v;

        T? value = default;
        Exception? parseError = null;
        var stderr = new StringBuilder();
        var cmd = Cli.Wrap(argv[0])
            .WithArguments(argv.Skip(1))
            .WithEnvironmentVariables(env)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Create(async (stream, token) =>
            {
                try
                {
                    value = await parse(stream, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
                {
                    parseError = e;
                }
                // Drain what is left so the tool never blocks on a full pipe.
                await stream.CopyToAsync(Stream.Null, token).ConfigureAwait(false);
            }))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(spec.Timeout);
        try
        {
            var result = await cmd.ExecuteAsync(timeout.Token).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                return (default, ToolRun.FailureReason(new CommandResult(spec, result.ExitCode, "", stderr.ToString(), result.RunTime)));
            }
            if (parseError is not null) return (default, $"cannot parse {spec.Program} output: {parseError.Message}");
            return (value, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (default, ToolRun.TimeoutReason(spec));
        }
        catch (Exception e) when (e is Win32Exception || e.InnerException is Win32Exception)
        {
            return (default, $"{argv[0]} not installed");
        }
    }
}
