using System.Text.Json.Nodes;

namespace NetTui.Lab;

/// <summary>
/// The root network namespace as the lab must leave it: links (index, name, type, MAC, MTU,
/// master, admin flag), addresses, v4/v6 routes of all tables and the forwarding sysctls, read with iproute2
/// directly (no nsenter). Counters, lifetimes and carrier state are left out: they change
/// on their own and say nothing about whether the lab touched the namespace.
/// </summary>
public sealed record RootNetworkState(IReadOnlyList<string> Lines)
{
    public static async Task<RootNetworkState> CaptureAsync()
    {
        var lines = new List<string>();
        foreach (var link in await IpAsync("link", "show").ConfigureAwait(false))
        {
            var flags = link!["flags"]?.AsArray().Select(f => (string?)f).ToList() ?? [];
            lines.Add($"link {link["ifindex"]} {link["ifname"]} type={link["link_type"]} mac={link["address"]} mtu={link["mtu"]} " +
                      $"master={link["master"]} up={flags.Contains("UP")}");
        }
        foreach (var link in await IpAsync("addr", "show").ConfigureAwait(false))
            foreach (var a in link!["addr_info"]?.AsArray() ?? [])
                lines.Add($"addr {link["ifname"]} {a!["family"]} {a["local"]}/{a["prefixlen"]} scope={a["scope"]}");
        foreach (var family in new[] { "-4", "-6" })
            foreach (var route in await IpAsync(family, "route", "show", "table", "all").ConfigureAwait(false))
            {
                var r = route!.AsObject().DeepClone().AsObject();
                r.Remove("expires"); // RA-learned v6 routes count down
                r.Remove("flags");   // "linkdown" follows carrier, not configuration
                lines.Add($"route{family} {r.ToJsonString()}");
            }
        // Forwarding switches are per namespace; the lab turns them on only in its own.
        foreach (var sysctl in new[] { "net/ipv4/ip_forward", "net/ipv6/conf/all/forwarding" })
            lines.Add($"sysctl {sysctl}={(await File.ReadAllTextAsync("/proc/sys/" + sysctl).ConfigureAwait(false)).Trim()}");
        lines.Sort(StringComparer.Ordinal);
        return new RootNetworkState(lines);
    }

    /// <summary>Lines only before ("- ...") and only after ("+ ..."); empty when unchanged.</summary>
    public static IReadOnlyList<string> Diff(RootNetworkState before, RootNetworkState after)
    {
        var b = new HashSet<string>(before.Lines);
        var a = new HashSet<string>(after.Lines);
        return [.. before.Lines.Where(l => !a.Contains(l)).Select(l => "- " + l),
                .. after.Lines.Where(l => !b.Contains(l)).Select(l => "+ " + l)];
    }

    private static async Task<JsonArray> IpAsync(params string[] args)
    {
        var r = (await LabExec.RunAsync(["ip", "-j", .. args], null, TimeSpan.FromSeconds(30)).ConfigureAwait(false)).EnsureSuccess();
        return LabHost.ParseArray(r.StandardOutput);
    }
}
