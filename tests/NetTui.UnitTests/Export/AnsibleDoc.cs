using NetTui.Core.Export;
using NetTui.Core.Export.Ansible;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>Operations → the tasks, handlers and notes as one YAML document, compared with a golden file under Fixtures/Export.</summary>
internal static class AnsibleDoc
{
    public static string Render(params Operation[] ops)
    {
        var t = AnsibleMapper.Map(ops, "r");
        return YamlEmitter.Write(YamlMap.Of(
            ("tasks", new YamlList([.. t.Tasks.Select(x => (YamlNode)x.ToYaml())])),
            ("handlers", new YamlList([.. t.Handlers.Select(x => (YamlNode)x.ToYaml())])),
            ("notes", YamlList.Strings(t.Notes))));
    }

    public static string Golden(string name) => Fixtures.Read(Path.Combine("Export", $"ansible-{name}.yml"));

    /// <summary>
    /// What makes a second run report changed=0: every command task either only reads
    /// (changed_when false) or runs under a `when` that its check decides; handlers run only when notified.
    /// </summary>
    public static void AssertEveryCommandIsGuarded(params Operation[] ops)
    {
        var t = AnsibleMapper.Map(ops, "r");
        foreach (var task in t.Tasks.Where(x => x.Module == "ansible.builtin.command"))
        {
            var keys = task.Keywords.Entries.Select(e => e.Key).ToList();
            Assert.True(keys.Contains("when") || (keys.Contains("changed_when") && task.Keywords.Entries.Single(e => e.Key == "changed_when").Value is YamlBool { Value: false }),
                $"unguarded command task: {task.Name}");
        }
    }
}
