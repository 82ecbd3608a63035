using NetTui.Core.Operations;
using NetTui.Core.Reachability;

namespace NetTui.Presentation.Forms;

/// <summary>
/// What a form (or the wizard's F6) asks the change path for: its operations, the confirm timer
/// (null: kept at once) and what the change must not cut the host off from (its Probes row).
/// </summary>
public sealed record FormApply(IReadOnlyList<Operation> Operations, TimeSpan? ConfirmWithin = null, ProbeKinds Probes = ProbeKinds.All);

/// <summary>Pure: a form's "Probes" row, the --probe of the CLI (gateway, dns, ssh; none).</summary>
public static class ProbeRow
{
    public const string Label = "Probes";
    public const string Default = "gateway,dns,ssh";
    public const string Hint = "kept reachable, else undone at once: gateway, dns, ssh, or none";

    public static (ProbeKinds Probes, string? Error) Parse(string? text)
    {
        var parsed = ProbeChoice.Parse(text);
        return parsed.Ok ? (parsed.Get(), null) : (ProbeKinds.All, parsed.Error!.Message);
    }
}
