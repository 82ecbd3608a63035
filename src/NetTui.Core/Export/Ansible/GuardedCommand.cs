using System.Collections.Immutable;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// What has no idempotent module (an OVS internal port attached to a Linux bridge, a link's
/// state, a runtime address or route) becomes two command tasks: a read-only check that always
/// runs (also under --check) and never reports a change, and the change itself, run only when
/// the check's output says it is not done yet. So a second run reports changed=0.
/// </summary>
public static class GuardedCommand
{
    /// <param name="register">The variable the check's result is stored in (unique per playbook).</param>
    /// <param name="needed">A Jinja test over <paramref name="register"/> that is true when the change is still to be made.</param>
    public static ImmutableArray<AnsibleTask> Tasks(string name, IEnumerable<string> check, string register, string needed, IEnumerable<string> apply) =>
    [
        new AnsibleTask($"check: {name}", "ansible.builtin.command", YamlMap.Of(("argv", YamlList.Strings(check))))
            .With("register", register)
            .With("changed_when", false)
            .With("failed_when", false)
            .With("check_mode", false),
        new AnsibleTask(name, "ansible.builtin.command", YamlMap.Of(("argv", YamlList.Strings(apply))))
            .With("when", needed),
    ];

    /// <summary>A Jinja string literal; NetTui's values (names, addresses) never hold quotes, but a backslash or quote is escaped anyway.</summary>
    public static string Lit(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>True when `ip -o link show dev X` (in <paramref name="reg"/>) prints the word.</summary>
    public static string Contains(string reg, string text) => $"{Lit(text)} in {reg}.stdout";

    /// <summary>`ip -o link show` prints the flags as &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt;: UP as a whole flag, not LOWER_UP.</summary>
    public static string AdminUp(string reg) =>
        $"({reg}.stdout is search('[<,]UP[,>]'))";
}
