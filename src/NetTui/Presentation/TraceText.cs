using NetTui.Core.Trace;

namespace NetTui.Presentation;

/// <summary>The trace as text: one line per hop (status, name, evidence) and the fix under a broken one. Used by the CLI and the TUI's trace dialog.</summary>
public static class TraceText
{
    public static IEnumerable<string> Lines(TraceResult t)
    {
        var what = t.Protocol is null ? "" : $" {t.Protocol}{(t.Port is int p ? "/" + p : "")}";
        yield return $"trace {t.From} ({t.Source}) -> {t.To}{what}";
        foreach (var h in t.Hops)
        {
            var mark = h.Status switch { HopStatus.Ok => "ok    ", HopStatus.Broken => "BROKEN", _ => "?     " };
            yield return $"  {mark} {h.Name,-17} {h.Evidence}";
            if (h.Status == HopStatus.Broken && h.Fix is not null)
                yield return $"         {"",-17} fix: {h.Fix}";
        }
        yield return t.FirstBroken is { } b ? $"broken at {b.Name}" : "all hops ok";
    }
}
