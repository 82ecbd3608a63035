using NetTui.Core.Reachability;
using NetTui.Presentation.Forms;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui.Forms;

/// <summary>
/// The rows after a form's fields that say how the change is made, not what it is: "Confirm
/// within" (commit-confirmed, docs/commit-confirmed.md) and "Probes" (what the change must not
/// cut the host off from, the CLI's --probe). Each with its hint line, which turns into the
/// error while the text is not valid.
/// </summary>
internal sealed class ChangeOptionRows
{
    private readonly TextField _timer;
    private readonly TextField _probes;

    private ChangeOptionRows(TextField timer, TextField probes) => (_timer, _probes) = (timer, probes);

    /// <summary>Adds both rows to <paramref name="body"/> from line <paramref name="y"/>; <paramref name="next"/> is the line after them.</summary>
    public static ChangeOptionRows Add(View body, int y, Theme theme, out int next)
    {
        var timer = Row(body, y, theme, ConfirmTimer.Label, 8, "", ConfirmTimer.Hint, t => ConfirmTimer.Parse(t).Error is { } e ? $"✗ confirm within: {e}" : null);
        var probes = Row(body, y + 2, theme, ProbeRow.Label, 24, ProbeRow.Default, ProbeRow.Hint, t => ProbeRow.Parse(t).Error is { } e ? $"✗ probes: {e}" : null);
        next = y + 4;
        return new ChangeOptionRows(timer, probes);
    }

    public IEnumerable<TextField> Boxes => [_timer, _probes];

    public (TimeSpan? Within, string? Error) Timer => ConfirmTimer.Parse(_timer.Text);
    public (ProbeKinds Probes, string? Error) Probes => ProbeRow.Parse(_probes.Text);

    public void SetTimer(string text) => _timer.Text = text;
    public void SetProbes(string text) => _probes.Text = text;

    private static TextField Row(View body, int y, Theme theme, string label, int width, string text, string hint, Func<string, string?> error)
    {
        var name = Plain.Text(new Label { X = 1, Y = y, Width = 14, Text = label });
        var box = Plain.Text(new TextField { X = 16, Y = y, Width = width, Text = text });
        var under = Plain.Text(new Label { X = 16, Y = y + 1, Width = Dim.Fill(2), Text = hint });
        box.TextChanged += (_, _) => under.Text = error(box.Text ?? "") ?? hint;
        box.SetScheme(theme.Base);
        under.SetScheme(theme.Warn);
        body.Add(name, box, under);
        return box;
    }
}
