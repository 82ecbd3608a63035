using System.ComponentModel;
using System.Text;
using CliWrap;
using NetTui.Core.Commands;
using NetTui.Host.Commands;

namespace NetTui.Host.Monitoring;

/// <summary>
/// <see cref="IStreamingRunner"/> with CliWrap: argv (no shell), LC_ALL=C, and the same
/// `nsenter --net=...` wrapping as <see cref="CommandRunner"/> for the target namespace.
/// </summary>
public sealed class StreamingRunner(NetworkTarget target) : IStreamingRunner
{
    private readonly CommandRunner _argv = new(target);

    public async Task<int> StreamAsync(CommandSpec spec, Action<string> onLine, CancellationToken ct)
    {
        var argv = _argv.Argv(spec);
        var cmd = Cli.Wrap(argv[0])
            .WithArguments(argv.Skip(1))
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["LC_ALL"] = "C" })
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(onLine, Encoding.UTF8))
            .WithStandardErrorPipe(PipeTarget.Null);
        try
        {
            var result = await cmd.ExecuteAsync(ct).ConfigureAwait(false);
            return result.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return -1;
        }
        catch (Win32Exception e)
        {
            throw new CommandNotFoundException(argv[0], e);
        }
    }
}
