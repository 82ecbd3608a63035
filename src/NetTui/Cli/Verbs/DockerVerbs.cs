using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui docker bridge NAME [--daemon-json PATH]`: Docker's default bridge in daemon.json.</summary>
public static class DockerVerbs
{
    public static Command Create(ChangeHost host)
    {
        var docker = new Command("docker", "Docker daemon network settings");
        var bridge = new Command("bridge", "Set Docker's default bridge (\"bridge\" in daemon.json); dockerd must be restarted");
        var name = new Argument<string>("NAME");
        var path = new Option<string?>("--daemon-json") { Description = $"daemon.json to edit (default {OperationContext.DefaultDaemonJson})" };
        bridge.Add(name);
        bridge.Add(path);
        var common = ChangeOptions.AddTo(bridge, host);
        ChangeVerb.SetAction(bridge, host, common, r => new SetDockerDefaultBridge(r.GetValue(name)!, r.GetValue(path)));
        docker.Add(bridge);
        return docker;
    }
}
