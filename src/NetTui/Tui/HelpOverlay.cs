using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>
/// The help screen, generated from the keymap (so it lists exactly the keys that work).
/// An overlay inside the main window rather than a modal run loop: any key closes it.
/// </summary>
internal sealed class HelpOverlay : View
{
    public HelpOverlay(KeyMap keys)
    {
        Title = "Help: keys (any key closes)";
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Double;
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Percent(90);
        Height = Dim.Fill(1);
        Visible = false;
        CanFocus = false;
        Text = HelpText(keys);
    }

    public static string HelpText(KeyMap keys)
    {
        // The number keys of the views read best as one line.
        var views = keys.Entries.Where(e => e.Action == TuiAction.ShowView).ToList();
        var rows = keys.Entries.Where(e => e.Action != TuiAction.ShowView)
            .Select(e => (Keys: e.KeyText, e.Description)).ToList();
        if (views.Count > 0)
            rows.Insert(0, (string.Join(" ", views.Select(v => v.KeyText)),
                "views: " + string.Join(", ", views.Select(v => v.Short))));
        var width = rows.Max(r => r.Keys.Length);
        var lines = rows.Select(r => $"{r.Keys.PadRight(width)}  {r.Description}").ToList();
        lines.Add($"{"↑ ↓ PgUp PgDn".PadRight(width)}  move the selection (Home/End: first/last)");
        lines.Add($"{"← →".PadRight(width)}  scroll wide tables");
        return string.Join("\n", lines);
    }
}
