using NetTui.Core.Model;

namespace NetTui.Tui;

/// <summary>The `i` screen: every source, whether it answered, how long it took, and the full reason when it did not.</summary>
internal static class SourcesText
{
    public static string For(HostSnapshot s)
    {
        var lines = new List<string>
        {
            $"host {s.HostName}, netns {s.Namespace ?? "(host)"}, read at {s.TakenAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}",
            "",
        };
        foreach (var kind in Enum.GetValues<SourceKind>())
        {
            var st = s.Source(kind);
            lines.Add(st is null
                ? $"{kind,-15} not read yet"
                : st.Available
                    ? $"{kind,-15} ok      {st.Elapsed.TotalMilliseconds,6:0} ms"
                    : $"{kind,-15} DOWN    {st.Elapsed.TotalMilliseconds,6:0} ms  {st.Reason}");
        }
        lines.Add("");
        lines.Add($"{s.Links.Length} links, {s.Bridges.Length} bridges, {s.Routes.Length} routes, " +
                  $"{s.Ovs?.Bridges.Length ?? 0} OVS bridges, {s.Containers.Length} containers");
        return string.Join("\n", lines);
    }
}
