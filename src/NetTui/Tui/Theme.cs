using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetTui.Tui;

/// <summary>
/// A colour theme, applied per view (no process-wide theme state, so tests can run side by
/// side): Base for tables and panes, Chrome for header and status bar, Ok/Down for source
/// health, Warn for the read-only marker and errors.
/// </summary>
public sealed record Theme(string Name, Scheme Base, Scheme Chrome, Scheme Ok, Scheme Down, Scheme Warn)
{
    /// <summary>Table rows that stand out keep the table's background and the selection's look.</summary>
    public Scheme? ForTone(Presentation.RowTone tone) => tone switch
    {
        Presentation.RowTone.Error => Tinted(Down),
        Presentation.RowTone.Warn => Tinted(Warn),
        Presentation.RowTone.Dim => new Scheme(Base) { Normal = new Attribute(Base.Disabled.Foreground, Base.Normal.Background) },
        _ => null,
    };

    private Scheme Tinted(Scheme tint) =>
        new Scheme(Base) { Normal = new Attribute(tint.Normal.Foreground, Base.Normal.Background) };

    private static Scheme Make(Attribute normal, Attribute focus) =>
        new(normal) { Focus = focus, Active = focus, HotNormal = normal, HotFocus = focus, Editable = focus, ReadOnly = normal };

    private static Scheme Plain(Attribute a) => new(a) { Focus = a, Active = a, HotNormal = a, HotFocus = a };

    public static readonly Theme Dark = new("dark",
        Make(new Attribute(new Color(0xd0, 0xd0, 0xd0), new Color(0x1c, 0x1c, 0x24)), new Attribute(new Color(0x10, 0x10, 0x10), new Color(0x5f, 0xaf, 0xd7))),
        Make(new Attribute(new Color(0xe0, 0xe0, 0xe0), new Color(0x30, 0x30, 0x40)), new Attribute(new Color(0x10, 0x10, 0x10), new Color(0x5f, 0xaf, 0xd7))),
        Plain(new Attribute(new Color(0x5f, 0xd7, 0x5f), new Color(0x30, 0x30, 0x40))),
        Plain(new Attribute(new Color(0xff, 0x5f, 0x5f), new Color(0x30, 0x30, 0x40))),
        Plain(new Attribute(new Color(0xff, 0xd7, 0x5f), new Color(0x30, 0x30, 0x40))));

    public static readonly Theme Light = new("light",
        Make(new Attribute(new Color(0x20, 0x20, 0x20), new Color(0xf8, 0xf8, 0xf2)), new Attribute(new Color(0xff, 0xff, 0xff), new Color(0x00, 0x5f, 0xaf))),
        Make(new Attribute(new Color(0x10, 0x10, 0x10), new Color(0xd8, 0xd8, 0xd8)), new Attribute(new Color(0xff, 0xff, 0xff), new Color(0x00, 0x5f, 0xaf))),
        Plain(new Attribute(new Color(0x00, 0x80, 0x00), new Color(0xd8, 0xd8, 0xd8))),
        Plain(new Attribute(new Color(0xc0, 0x00, 0x00), new Color(0xd8, 0xd8, 0xd8))),
        Plain(new Attribute(new Color(0x90, 0x50, 0x00), new Color(0xd8, 0xd8, 0xd8))));

    /// <summary>Only the 16 ANSI colours: for the Linux console, old terminals and serial lines.</summary>
    public static readonly Theme Basic16 = new("16",
        Make(new Attribute(ColorName16.Gray, ColorName16.Black), new Attribute(ColorName16.Black, ColorName16.Cyan)),
        Make(new Attribute(ColorName16.Black, ColorName16.Gray), new Attribute(ColorName16.White, ColorName16.Blue)),
        Plain(new Attribute(ColorName16.Green, ColorName16.Gray)),
        Plain(new Attribute(ColorName16.Red, ColorName16.Gray)),
        Plain(new Attribute(ColorName16.Blue, ColorName16.Gray)));

    public static readonly IReadOnlyList<Theme> All = [Dark, Light, Basic16];

    public static Theme ByName(string? name) => Find(name) ?? Dark;

    /// <summary>The theme called <paramref name="name"/> ("16", "basic" and "ansi" are the 16-colour one), or null.</summary>
    public static Theme? Find(string? name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? (name?.ToLowerInvariant() is "basic" or "ansi" ? Basic16 : null);

    public Theme Next() => All[(All.ToList().IndexOf(this) + 1) % All.Count];
}
