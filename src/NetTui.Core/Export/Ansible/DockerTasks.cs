using System.Collections.Immutable;
using NetTui.Core.Operations;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// Docker's default bridge in daemon.json: slurp the file, `combine` the "bridge" key into
/// what is there (every other key kept), copy it back. copy reports a change only when the
/// text differs, and only then is the handler notified; it runs the argv in the variable
/// <c>nettui_docker_restart</c> (default `systemctl restart docker`), so a host whose dockerd
/// is started otherwise says how to restart it.
/// </summary>
public static class DockerTasks
{
    public const string RestartHandler = "nettui: restart docker";

    public static ImmutableArray<AnsibleTask> SetBridge(SetDockerDefaultBridge op, string reg)
    {
        var path = op.DaemonJsonPath ?? OperationContext.DefaultDaemonJson;
        var current = $"((({reg}.content | default('')) | b64decode) or '{{}}') | from_json";
        var next = op.Bridge is null
            ? $"{current} | dict2items | rejectattr('key', 'equalto', 'bridge') | items2dict"
            : $"{current} | combine({{'bridge': {GuardedCommand.Lit(op.Bridge)}}})";
        return
        [
            new AnsibleTask($"read {path}", "ansible.builtin.slurp", YamlMap.Of(("src", path)))
                .With("register", reg).With("failed_when", false).With("check_mode", false),
            new AnsibleTask(op.Bridge is null ? $"remove \"bridge\" from {path}" : $"\"bridge\": \"{op.Bridge}\" in {path}", "ansible.builtin.copy",
                YamlMap.Of(("dest", path), ("content", $"{{{{ {next} | to_nice_json }}}}"), ("mode", "0644"))).Notify(RestartHandler),
        ];
    }

    public static AnsibleTask Restart() =>
        new(RestartHandler, "ansible.builtin.command", YamlMap.Of(("argv", "{{ nettui_docker_restart | default(['systemctl', 'restart', 'docker']) }}")));
}
