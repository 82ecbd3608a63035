using System.Collections.Immutable;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// One Ansible task: a module with its arguments, plus task keywords (register, when,
/// notify, changed_when...). Handlers are tasks too. <see cref="ToYaml"/> gives the map
/// "- name: ..." is printed from, "name" first and the module second, as Ansible's docs write them.
/// </summary>
public sealed record AnsibleTask(string Name, string Module, YamlNode Args)
{
    public YamlMap Keywords { get; init; } = YamlMap.Of();

    public AnsibleTask With(string keyword, YamlNode? value) => this with { Keywords = Keywords.With(keyword, value) };

    public AnsibleTask Notify(string handler) => With("notify", YamlList.Of(handler));

    public YamlMap ToYaml() => new([new("name", Name), new(Module, Args), .. Keywords.Entries]);

    public bool Equals(AnsibleTask? other) => other is not null && ToYaml().Equals(other.ToYaml());
    public override int GetHashCode() => HashCode.Combine(Name, Module);
}

/// <summary>What one or more operations became: tasks in order, the handlers they notify, and notes for the admin.</summary>
public sealed record AnsibleTasks(ImmutableArray<AnsibleTask> Tasks, ImmutableArray<AnsibleTask> Handlers, ImmutableArray<string> Notes)
{
    public static readonly AnsibleTasks Empty = new([], [], []);
}

/// <summary>
/// A play: the hosts it targets and its tasks. The play's environment comes from the variable
/// <c>nettui_environment</c> (default empty), so a run can point nmcli at another D-Bus
/// (DBUS_SYSTEM_BUS_ADDRESS) and ovs-vsctl at another database (OVS_RUNDIR) without editing it.
/// </summary>
public sealed record AnsiblePlay(string Name, string Hosts, AnsibleTasks Body)
{
    /// <summary>The command the Docker handler runs; a variable so a host whose dockerd is not systemd's can restart its own.</summary>
    public const string DockerRestartVar = "nettui_docker_restart";
    public const string EnvironmentVar = "nettui_environment";

    public YamlMap ToYaml() => YamlMap.Of(
        ("name", Name),
        ("hosts", Hosts),
        ("gather_facts", false),
        ("environment", $"{{{{ {EnvironmentVar} | default({{}}) }}}}"),
        ("tasks", new YamlList([.. Body.Tasks.Select(t => (YamlNode)t.ToYaml())])),
        ("handlers", Body.Handlers.Length == 0 ? null : new YamlList([.. Body.Handlers.Select(t => (YamlNode)t.ToYaml())])));

    /// <summary>The whole playbook: a YAML list of plays, with the notes as a leading comment.</summary>
    public static string Playbook(IEnumerable<AnsiblePlay> plays, string header)
    {
        var all = plays.ToList();
        var notes = all.SelectMany(p => p.Body.Notes).Distinct().ToList();
        var comment = header + (notes.Count == 0 ? "" : "\n\nNotes:\n" + string.Join("\n", notes.Select(n => "- " + n)));
        return YamlEmitter.Write(new YamlList([.. all.Select(p => (YamlNode)p.ToYaml())]), comment);
    }
}
