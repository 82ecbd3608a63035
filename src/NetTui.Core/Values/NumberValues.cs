using System.Globalization;

namespace NetTui.Core.Values;

/// <summary>Shared parsing of the small numeric fields: decimal digits only, then a range.</summary>
internal static class Number
{
    public static Parsed<long> InRange(string? text, string field, long min, long max, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return Parsed<long>.Fail(field, $"a {what} is required");
        var t = text.Trim();
        var digits = t.StartsWith('-') ? t[1..] : t;
        if (digits.Length == 0 || digits.Length > 20 || !digits.All(char.IsAsciiDigit)
            || !long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return Parsed<long>.Fail(field, $"'{InterfaceName.Printable(t)}' is not a number");
        if (n < min || n > max) return Parsed<long>.Fail(field, $"{what} {n} is out of range ({min}-{max})");
        return Parsed<long>.Success(n);
    }
}

/// <summary>A GRE key: any 32-bit unsigned number.</summary>
public sealed record GreKey(uint Value)
{
    public static Parsed<GreKey> Parse(string? text, string field = "key")
    {
        var n = Number.InRange(text, field, 0, uint.MaxValue, "GRE key");
        return n.Ok ? Parsed<GreKey>.Success(new GreKey((uint)n.Get())) : Parsed<GreKey>.Fail(field, n.Error!.Message);
    }
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A route metric (kernel "priority"): 0-4294967295.</summary>
public sealed record Metric(uint Value)
{
    public static Parsed<Metric> Parse(string? text, string field = "metric")
    {
        var n = Number.InRange(text, field, 0, uint.MaxValue, "metric");
        return n.Ok ? Parsed<Metric>.Success(new Metric((uint)n.Get())) : Parsed<Metric>.Fail(field, n.Error!.Message);
    }
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An MTU the kernel accepts for an IPv4 link: 68-65535.</summary>
public sealed record Mtu(int Value)
{
    public const int Min = 68, Max = 65535;
    public static Parsed<Mtu> Parse(string? text, string field = "mtu")
    {
        var n = Number.InRange(text, field, Min, Max, "MTU");
        return n.Ok ? Parsed<Mtu>.Success(new Mtu((int)n.Get())) : Parsed<Mtu>.Fail(field, n.Error!.Message);
    }
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A tunnel's outer TTL: 1-255 (leave it unset to inherit the inner packet's).</summary>
public sealed record Ttl(int Value)
{
    public static Parsed<Ttl> Parse(string? text, string field = "ttl")
    {
        var n = Number.InRange(text, field, 1, 255, "TTL");
        return n.Ok ? Parsed<Ttl>.Success(new Ttl((int)n.Get())) : Parsed<Ttl>.Fail(field, n.Error!.Message);
    }
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A routing table: a number 1-4294967295 or one of the names iproute2 always knows
/// (main = 254, local = 255, default = 253). <see cref="Name"/> is what `ip -j route` prints.
/// </summary>
public sealed record RouteTable(uint Id)
{
    public const uint MainId = 254, LocalId = 255, DefaultId = 253;
    public static readonly RouteTable Main = new(MainId);

    public static Parsed<RouteTable> Parse(string? text, string field = "table")
    {
        switch (text?.Trim())
        {
            case "main": return Parsed<RouteTable>.Success(Main);
            case "local": return Parsed<RouteTable>.Success(new RouteTable(LocalId));
            case "default": return Parsed<RouteTable>.Success(new RouteTable(DefaultId));
        }
        var n = Number.InRange(text, field, 1, uint.MaxValue, "table");
        return n.Ok ? Parsed<RouteTable>.Success(new RouteTable((uint)n.Get())) : Parsed<RouteTable>.Fail(field, n.Error!.Message.Replace("is not a number", "is not a table number or main/local/default"));
    }

    public bool IsMain => Id == MainId;

    public string Name => Id switch
    {
        MainId => "main",
        LocalId => "local",
        DefaultId => "default",
        _ => Id.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => Name;
}
