using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// How views write where an object persists (what builds it again at boot). Formatted per
/// row when a cell is drawn: nothing is precomputed for the 200,000-route case.
/// </summary>
public static class PersistenceText
{
    /// <summary>The column's header in every view that has one.</summary>
    public const string Column = "Boot";

    /// <summary>Short cell text: "NM:profile", "OVSDB", "Docker", "kernel", "ovs-vswitchd", "unit:NAME", "file:NAME", "lost"; empty when not determined.</summary>
    public static string Short(Persistence? p) => p?.Where switch
    {
        null => "",
        PersistenceKind.NetworkManager => "NM:" + p.Profile,
        PersistenceKind.Ovsdb => "OVSDB",
        PersistenceKind.Docker => "Docker",
        PersistenceKind.Kernel => "kernel",
        PersistenceKind.SystemdUnit => "unit:" + UnitStem(p.Unit),
        PersistenceKind.ConfigFile => "file:" + System.IO.Path.GetFileName(p.Profile),
        PersistenceKind.OvsVswitchd => "ovs-vswitchd",
        _ => "lost",
    };

    /// <summary>"nettui-attach-obr0-br0.service" as "attach-obr0-br0": the prefix and suffix say nothing in a narrow cell.</summary>
    private static string UnitStem(string? unit) =>
        unit is null ? "" : unit.StartsWith(SystemdState.UnitPrefix, StringComparison.Ordinal) && unit.EndsWith(".service", StringComparison.Ordinal)
            ? unit[SystemdState.UnitPrefix.Length..^".service".Length]
            : unit;

    /// <summary>The detail pane's text: the full form and the note ("NetworkManager (nettui-br0)", "runtime only (lost at reboot)").</summary>
    public static string Long(Persistence? p) =>
        p is null ? "not known (NetworkManager not read yet)" : p.Note is null ? p.ToString() : $"{p} — {p.Note}";

    /// <summary>True for what exists only now: a reboot loses it.</summary>
    public static bool Lost(Persistence? p) => p?.Where == PersistenceKind.RuntimeOnly;

    /// <summary>A row's tone given its own tone and its persistence: runtime-only warns unless something worse is shown.</summary>
    public static RowTone Tone(RowTone own, Persistence? p) => own == RowTone.Normal && Lost(p) ? RowTone.Warn : own;
}
