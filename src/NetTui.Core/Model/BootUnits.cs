using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// What systemd will run at boot for NetTui: whether systemd manages this host
/// (<see cref="Booted"/>, i.e. /run/systemd/system exists) and the units NetTui generated for
/// the steps no configuration system holds (<see cref="Units"/>, nettui-*.service).
/// <see cref="Root"/> is "/" on a host; a test gives another root so nothing real is touched.
/// </summary>
public sealed record SystemdState(bool Booted, string Root, ImmutableArray<BootUnit> Units)
{
    public const string UnitPrefix = "nettui-";

    /// <summary>Where NetTui's units live (the admin's own units directory).</summary>
    public string UnitDirectory => Path.Combine(Root, "etc/systemd/system");

    public string PathOf(string unitName) => Path.Combine(UnitDirectory, unitName);

    /// <summary>The unit that makes <paramref name="o"/> at boot, if any.</summary>
    public BootUnit? Making(UnitObject o) => Units.FirstOrDefault(u => u.Makes.Contains(o));
}

/// <summary>
/// One generated unit: the commands it runs at boot (<see cref="Commands"/>, one ExecStart each,
/// in order) and the objects it makes (<see cref="Makes"/>, written into the unit as
/// X-NetTui-Makes= lines so the Boot column and Drift can name it).
/// </summary>
public sealed record BootUnit(string Name, ImmutableArray<UnitObject> Makes, ImmutableArray<string> Commands)
{
    /// <summary>The file as read (what undo of its removal writes back).</summary>
    public string? Text { get; init; }

    /// <summary>The object it was generated for (its name comes from it).</summary>
    public UnitObject Primary => Makes[0];

    public bool Equals(BootUnit? other) => other is not null && Name == other.Name && Makes.SequenceEqual(other.Makes) && Commands.SequenceEqual(other.Commands);
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}

[System.Text.Json.Serialization.JsonConverter(typeof(CamelCaseEnumConverter<UnitObjectKind>))]
public enum UnitObjectKind
{
    /// <summary>A device the unit creates (Device).</summary>
    Link,
    /// <summary>A device the unit brings up (Device).</summary>
    Up,
    /// <summary>Device made a port of the Linux bridge Value.</summary>
    Port,
    /// <summary>Address Value (CIDR) on Device.</summary>
    Address,
    /// <summary>Route to Value (a destination prefix) through Device.</summary>
    Route,
    /// <summary>MTU Value on Device.</summary>
    Mtu,
}

/// <summary>One object a boot unit makes: a kind, the device it is about and, per kind, its value.</summary>
public sealed record UnitObject(UnitObjectKind Kind, string Device, string? Value = null)
{
    /// <summary>The X-NetTui-Makes= value: "port obr0 br0", "up obr0".</summary>
    public override string ToString() => Value is null ? $"{Word(Kind)} {Device}" : $"{Word(Kind)} {Device} {Value}";

    public string Describe() => Kind switch
    {
        UnitObjectKind.Link => $"creates {Device}",
        UnitObjectKind.Up => $"brings {Device} up",
        UnitObjectKind.Port => $"attaches {Device} to {Value}",
        UnitObjectKind.Address => $"adds {Value} to {Device}",
        UnitObjectKind.Route => $"adds the route to {Value} through {Device}",
        _ => $"sets the MTU of {Device} to {Value}",
    };

    public static string Word(UnitObjectKind k) => k.ToString().ToLowerInvariant();

    /// <summary>Reads an X-NetTui-Makes= value back (null: not one NetTui wrote).</summary>
    public static UnitObject? Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3) return null;
        foreach (var kind in Enum.GetValues<UnitObjectKind>())
            if (Word(kind) == parts[0]) return new UnitObject(kind, parts[1], parts.Length == 3 ? parts[2] : null);
        return null;
    }
}
