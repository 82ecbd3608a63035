namespace NetTui.Tui;

/// <summary>The help screen's text, generated from the keymap so it lists exactly the keys that work.</summary>
internal static class HelpText
{
    public static string For(KeyMap keys)
    {
        // The number keys of the views read best as one line.
        var views = keys.Entries.Where(e => e.Action == TuiAction.ShowView).ToList();
        var rows = keys.Entries.Where(e => e.Action != TuiAction.ShowView)
            .Select(e => (Keys: e.KeyText, e.Description)).ToList();
        if (views.Count > 0)
            rows.Insert(0, (string.Join(" ", views.Select(v => v.KeyText)),
                "views: " + string.Join(", ", views.Select(v => v.Short))));
        rows.Add(("↑ ↓ PgUp PgDn", "move the selection (Home/End: first/last)"));
        rows.Add(("← →", "scroll wide tables"));
        var width = rows.Max(r => r.Keys.Length);
        return string.Join("\n", rows.Select(r => $"{r.Keys.PadRight(width)}  {r.Description}"));
    }
}
