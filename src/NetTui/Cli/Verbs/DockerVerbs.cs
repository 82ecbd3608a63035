using System.CommandLine;
using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Commands;

namespace NetTui.Cli.Verbs;

/// <summary>
/// `nettui docker bridge NAME [--daemon-json PATH] [--restart]`: Docker's default bridge in
/// daemon.json. dockerd reads the file only at start; --restart restarts it through systemd
/// afterwards (a separate action: if it fails, the file change stays and exit is 1).
/// </summary>
public static class DockerVerbs
{
    public static Command Create(ChangeHost host)
    {
        var docker = new Command("docker", "Docker daemon network settings");
        var bridge = new Command("bridge", "Set Docker's default bridge (\"bridge\" in daemon.json); dockerd must be restarted");
        var name = new Argument<string>("NAME");
        var path = new Option<string?>("--daemon-json") { HelpName = "PATH", Description = $"daemon.json to edit (default {OperationContext.DefaultDaemonJson})" };
        var restart = new Option<bool>("--restart") { Description = "Restart dockerd through systemd once daemon.json is written" };
        bridge.Add(name);
        bridge.Add(path);
        bridge.Add(restart);
        var common = ChangeOptions.AddTo(bridge, host);
        ChangeVerb.SetAction(bridge, host, common, r => new SetDockerDefaultBridge(r.GetValue(name)!, r.GetValue(path)),
            (report, r, runner, ct) => r.GetValue(restart) ? RestartAsync(host, runner, ct) : Task.FromResult(report.ExitCode));
        docker.Add(bridge);
        return docker;
    }

    /// <summary>The restart command: systemd is the machine's, so it runs outside the target namespace.</summary>
    public static readonly CommandSpec Restart = CommandSpec.Of("systemctl", "restart", "docker").OutsideNamespace().WithTimeout(TimeSpan.FromSeconds(90));

    private static async Task<int> RestartAsync(ChangeHost host, ICommandRunner runner, CancellationToken ct)
    {
        if (!host.HasSystemd())
        {
            await host.Err.WriteLineAsync("nettui: systemd is not running here: restart dockerd yourself for the new bridge to be used").ConfigureAwait(false);
            return 1;
        }
        try
        {
            var r = await runner.RunAsync(Restart, ct).ConfigureAwait(false);
            if (r.Succeeded)
            {
                await host.Out.WriteLineAsync("restarted dockerd (systemctl restart docker)").ConfigureAwait(false);
                return 0;
            }
            await host.Err.WriteLineAsync($"nettui: daemon.json was changed and is kept, but restarting dockerd failed: {r.Message}").ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandTimeoutException or CommandNotFoundException)
        {
            await host.Err.WriteLineAsync($"nettui: daemon.json was changed and is kept, but restarting dockerd failed: {e.Message}").ConfigureAwait(false);
        }
        return 1;
    }
}
