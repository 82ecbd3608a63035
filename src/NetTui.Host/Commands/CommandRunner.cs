using NetTui.Core.Commands;

using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;
using CommandResult = NetTui.Core.Commands.CommandResult;
using CliWrap.Buffered;
using Serilog;

namespace NetTui.Host.Commands;

/// <summary>
/// Runs programs with CliWrap (argv, no shell), with a hard timeout. Commands bound to a
/// named namespace run through `nsenter --net=/run/netns/NAME` (not `ip netns exec`, which
/// remounts /sys and breaks tools that read cgroups, such as dockerd).
/// </summary>
public sealed class CommandRunner(NetworkTarget target, ILogger? log = null) : ICommandRunner
{
    private readonly ILogger _log = log ?? Serilog.Core.Logger.None;

    public NetworkTarget Target { get; } = target;

    /// <summary>The argv that will really be executed for <paramref name="spec"/>.</summary>
    public IReadOnlyList<string> Argv(CommandSpec spec)
    {
        if (!spec.InTargetNamespace || Target.IsCurrent)
            return [spec.Program, .. spec.Arguments];
        return ["nsenter", $"--net={Target.NamespacePath}", "--", spec.Program, .. spec.Arguments];
    }

    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken ct = default)
    {
        var argv = Argv(spec);
        var env = new Dictionary<string, string?> { ["LC_ALL"] = "C" };
        if (spec.Environment is not null)
            foreach (var (k, v) in spec.Environment) env[k] = v;

        var cmd = Cli.Wrap(argv[0])
            .WithArguments(argv.Skip(1))
            .WithEnvironmentVariables(env)
            .WithValidation(CommandResultValidation.None);
        if (spec.StandardInput is not null)
            cmd = cmd.WithStandardInputPipe(PipeSource.FromString(spec.StandardInput));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(spec.Timeout);
        var sw = Stopwatch.StartNew();
        try
        {
            var r = await cmd.ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, timeout.Token).ConfigureAwait(false);
            var result = new CommandResult(spec, r.ExitCode, r.StandardOutput, r.StandardError, sw.Elapsed);
            _log.Debug("ran {Command} in {Target}: exit {Exit} in {Ms} ms", spec.Display, Target, r.ExitCode, sw.ElapsedMilliseconds);
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _log.Warning("timeout after {Timeout}: {Command}", spec.Timeout, spec.Display);
            throw new CommandTimeoutException(spec);
        }
        catch (Win32Exception e)
        {
            throw new CommandNotFoundException(argv[0], e);
        }
        catch (InvalidOperationException e) when (e.InnerException is Win32Exception w)
        {
            throw new CommandNotFoundException(argv[0], w);
        }
    }
}
