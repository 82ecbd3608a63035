using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests.Ansible;

/// <summary>
/// Runs Debian's stock ansible-playbook (connection local) inside a lab host's namespace,
/// with the host's private D-Bus and OVS database given to the play through the variable
/// nettui_environment (the playbook's `environment`), never through ansible's own environment.
/// </summary>
internal static partial class AnsibleRun
{
    public sealed record Result(int ExitCode, string Output, int Changed, int Failed)
    {
        public override string ToString() => $"exit {ExitCode}, changed={Changed}, failed={Failed}\n{Output}";
    }

    /// <summary>The variables that point the play's nmcli at <paramref name="busAddress"/> and ovs-vsctl at <paramref name="ovs"/>.</summary>
    public static JsonObject Vars(string? busAddress, LabOvs? ovs, JsonObject? more = null)
    {
        var env = new JsonObject();
        if (busAddress is not null) env["DBUS_SYSTEM_BUS_ADDRESS"] = busAddress;
        if (ovs is not null) foreach (var (k, v) in ovs.Environment) env[k] = v;
        var vars = new JsonObject { ["nettui_environment"] = env };
        if (more is not null) foreach (var (k, v) in more) vars[k] = v?.DeepClone();
        return vars;
    }

    public static async Task<Result> PlaybookAsync(LabHost host, string playbook, JsonObject vars, params string[] extra)
    {
        var temp = Path.Combine(host.StateDir, "ansible-tmp");
        Directory.CreateDirectory(temp);
        var env = new Dictionary<string, string>
        {
            ["ANSIBLE_LOCAL_TEMP"] = temp,
            ["ANSIBLE_REMOTE_TEMP"] = temp,
            ["ANSIBLE_NOCOLOR"] = "1",
            ["LC_ALL"] = "C.UTF-8",
            ["LANG"] = "C.UTF-8",
            ["ANSIBLE_RETRY_FILES_ENABLED"] = "0",
            ["ANSIBLE_HOME"] = Path.Combine(host.StateDir, "ansible-home"),
        };
        var r = await host.RunAsync(["ansible-playbook", "-c", "local", "-i", "localhost,", "-e", vars.ToJsonString(), .. extra, playbook],
            env, TimeSpan.FromMinutes(4));
        return Parse(r.ExitCode, r.StandardOutput + r.StandardError);
    }

    public static Result Parse(int exitCode, string output)
    {
        var recap = Recap().Matches(output);
        var changed = recap.Sum(m => int.Parse(m.Groups["changed"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var failed = recap.Sum(m => int.Parse(m.Groups["failed"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(recap.Count > 0, "no PLAY RECAP in ansible's output:\n" + output);
        return new Result(exitCode, output, changed, failed);
    }

    [GeneratedRegex(@"ok=\d+\s+changed=(?<changed>\d+)\s+unreachable=\d+\s+failed=(?<failed>\d+)")]
    private static partial Regex Recap();

    /// <summary>What two hosts built from one plan must share: names, kinds, masters, MTUs, addresses, routes, OVS ports and options (no ifindex, MAC or counters).</summary>
    public static IReadOnlyList<string> Shape(HostSnapshot s)
    {
        var lines = new List<string>();
        foreach (var l in s.Links.Where(l => l.Name != "lo").OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            lines.Add($"link {l.Name} {l.Kind} master={l.Master} mtu={l.Mtu} up={l.AdminUp}");
            lines.AddRange(l.Addresses.Where(a => !a.Address.StartsWith("fe80", StringComparison.Ordinal))
                .Select(a => $"  addr {a.Address}/{a.PrefixLength}").Order(StringComparer.Ordinal));
        }
        lines.AddRange(s.Routes.Where(r => r.Table == "main" && r.Family == AddressFamily.Inet)
            .Select(r => $"route {r.Destination} via={r.Gateway} dev={r.Device} proto={r.Protocol}").Order(StringComparer.Ordinal));
        foreach (var b in (s.Ovs?.Bridges ?? []).OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            lines.Add($"ovs {b.Name} datapath={b.DatapathType}");
            foreach (var p in b.Ports.OrderBy(p => p.Name, StringComparer.Ordinal))
                foreach (var i in p.Interfaces)
                    lines.Add($"  port {p.Name} iface {i.Name} type={i.Type} options={string.Join(",", i.Options.Select(o => $"{o.Key}={o.Value}"))} error={i.Error}");
        }
        return lines;
    }
}
