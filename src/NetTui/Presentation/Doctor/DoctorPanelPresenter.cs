using System.Collections.Immutable;
using NetTui.Core.Commands;

namespace NetTui.Presentation.Doctor;

/// <summary>The Doctor panel's text for each state, as a pure function (the view only shows it).</summary>
public static class DoctorPanelPresenter
{
    public static ImmutableArray<string> Lines(DoctorPanelState state, Func<string, string?> explanation, NetworkTarget target)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        switch (state.Mode)
        {
            case DoctorMode.Running:
                lines.Add(state.Message ?? "Working…");
                return lines.ToImmutable();
            case DoctorMode.Result:
                lines.AddRange(state.ResultLines);
                lines.Add("");
                lines.Add("Any key: back to the findings");
                return lines.ToImmutable();
        }

        var screen = DoctorPresenter.Screen(state.Findings, target);
        lines.Add(screen.Header);
        if (state.Message is not null) lines.Add("! " + state.Message);
        lines.Add("");
        for (var i = 0; i < screen.Rows.Length; i++)
        {
            var r = screen.Rows[i];
            lines.Add($"{(i == state.Selected ? ">" : " ")} {r.Severity,-5} {r.Id}  [{r.FixState}]");
        }
        if (state.Current is not { } f) return lines.ToImmutable();
        lines.Add("");

        if (state.Mode == DoctorMode.Input && state.PendingInput is { } input)
        {
            lines.Add($"Fix {f.Id}: {f.Fix!.Summary}");
            lines.Add(input.Prompt);
            lines.Add($"{input.Name}: {state.InputBuffer}_");
            lines.Add("Enter: accept   Esc: cancel");
        }
        else if (state.Mode == DoctorMode.Confirm && f.Fix is { } fix)
        {
            var plan = fix.Bind(state.Values);
            lines.Add("These commands will run:");
            foreach (var p in plan.Preview(target)) lines.Add("  " + p);
            lines.Add("Apply this fix? y: yes   any other key: no");
        }
        else
        {
            lines.AddRange(DoctorPresenter.Detail(f, explanation, target));
            lines.Add("");
            lines.Add("↑↓: select   F: fix   R: diagnose again   Esc: close");
        }
        return lines.ToImmutable();
    }
}
