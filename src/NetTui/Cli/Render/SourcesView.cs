using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>The "Sources" section: each source consulted, whether it answered, and why not.</summary>
public static class SourcesView
{
    public static string SourceName(SourceKind k) => k switch
    {
        SourceKind.IpRoute2 => "iproute2",
        SourceKind.Ovs => "OVS",
        SourceKind.Docker => "Docker",
        SourceKind.NetworkManager => "NetworkManager",
        _ => k.ToString(),
    };

    public static IReadOnlyList<string> Render(HostSnapshot s) => TextTable.Format(
        ["SOURCE", "STATUS", "TIME", "NOTE"],
        s.Sources.Select(src => (IReadOnlyList<string>)
        [
            SourceName(src.Source),
            src.Available ? "ok" : "DOWN",
            $"{src.Elapsed.TotalMilliseconds:0} ms",
            src.Reason ?? "",
        ]));
}
