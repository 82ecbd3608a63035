using System.Collections.Immutable;
using NetTui.Core.Doctor;

namespace NetTui.Presentation.Doctor;

/// <summary>Where the Doctor panel is in walking through a fix.</summary>
public enum DoctorMode
{
    /// <summary>The findings, one selected, its detail below.</summary>
    List,
    /// <summary>Typing a value the fix needs (a tunnel's remote address).</summary>
    Input,
    /// <summary>The exact commands shown; y applies, anything else cancels.</summary>
    Confirm,
    /// <summary>The fix runs.</summary>
    Running,
    /// <summary>What ran and what the re-check found; any key goes back to the list.</summary>
    Result,
}

/// <summary>
/// The Doctor panel's whole state, immutable: every key gives a new state, so the walk
/// through a fix (select, give values, confirm, run, re-check) is testable without a screen.
/// </summary>
public sealed record DoctorPanelState(
    DoctorMode Mode,
    ImmutableArray<Finding> Findings,
    int Selected = 0,
    ImmutableDictionary<string, string>? Inputs = null,
    string InputBuffer = "",
    ImmutableArray<string> ResultLines = default,
    string? Message = null)
{
    public ImmutableDictionary<string, string> Values => Inputs ?? ImmutableDictionary<string, string>.Empty;

    public Finding? Current => Selected >= 0 && Selected < Findings.Length ? Findings[Selected] : null;

    /// <summary>The next value the selected finding's fix still needs, if any.</summary>
    public FixInput? PendingInput => Current?.Fix?.Inputs.FirstOrDefault(i => !Values.ContainsKey(i.Name));

    public static DoctorPanelState Loading => new(DoctorMode.Running, [], Message: "Diagnosing…");

    public static DoctorPanelState Of(IEnumerable<Finding> findings) => new(DoctorMode.List, [.. findings]);

    public DoctorPanelState Move(int delta) => Findings.IsEmpty ? this
        : this with { Selected = Math.Clamp(Selected + delta, 0, Findings.Length - 1), Message = null };

    /// <summary>F: start fixing the selection (ask for values first, then confirm).</summary>
    public DoctorPanelState BeginFix()
    {
        if (Current is not { } f) return this with { Message = "nothing to fix" };
        if (f.Fix is null) return this with { Message = $"{f.Id} has no automatic fix; the explanation says what to do" };
        var fresh = this with { Inputs = ImmutableDictionary<string, string>.Empty, InputBuffer = "", Message = null };
        return fresh.PendingInput is null ? fresh with { Mode = DoctorMode.Confirm } : fresh with { Mode = DoctorMode.Input };
    }

    public DoctorPanelState Typed(char c) => this with { InputBuffer = InputBuffer + c, Message = null };

    public DoctorPanelState Backspace() => InputBuffer.Length == 0 ? this : this with { InputBuffer = InputBuffer[..^1] };

    /// <summary>Enter on a value: check it, keep it, ask for the next one or go to the confirmation.</summary>
    public DoctorPanelState SubmitInput()
    {
        if (PendingInput is not { } input) return this with { Mode = DoctorMode.Confirm };
        var value = InputBuffer.Trim();
        if (input.Validate(value) is { } problem) return this with { Message = problem };
        var next = this with { Inputs = Values.SetItem(input.Name, value), InputBuffer = "", Message = null };
        return next.PendingInput is null ? next with { Mode = DoctorMode.Confirm } : next;
    }

    public DoctorPanelState Cancel() => this with { Mode = DoctorMode.List, InputBuffer = "", Inputs = null, Message = "nothing was changed" };

    public DoctorPanelState Running() => this with { Mode = DoctorMode.Running, Message = "Applying the fix…" };

    /// <summary>The fix ran: show its lines, and the new findings once back in the list.</summary>
    public DoctorPanelState Finished(IEnumerable<string> lines, IEnumerable<Finding> after) =>
        this with { Mode = DoctorMode.Result, ResultLines = [.. lines], Findings = [.. after], Selected = 0, Inputs = null, Message = null };

    public DoctorPanelState BackToList() => this with { Mode = DoctorMode.List, ResultLines = [], Message = null };
}
