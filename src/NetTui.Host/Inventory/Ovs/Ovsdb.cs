using System.Collections.Immutable;
using System.Text.Json;

namespace NetTui.Host.Inventory.Ovs;

/// <summary>
/// Decodes OVSDB's JSON value notation (RFC 7047 §5.1) as `ovs-vsctl --format=json` prints
/// it: scalars as themselves, ["uuid","..."], ["named-uuid","..."], ["set",[...]] (an
/// empty set is how an unset optional column looks) and ["map",[[k,v],...]].
/// </summary>
public static class Ovsdb
{
    /// <summary>The atoms of a value: a set's members, or the value itself when it is a single atom.</summary>
    public static IEnumerable<JsonElement> Atoms(JsonElement value)
    {
        if (IsTagged(value, "set"))
            return value[1].EnumerateArray();
        return [value];
    }

    /// <summary>A scalar (or a one-member set) as text; an empty set is null. Numbers and booleans in invariant form.</summary>
    public static string? AsString(JsonElement value)
    {
        var atom = Single(value);
        if (atom is not { } a) return null;
        return a.ValueKind switch
        {
            JsonValueKind.String => a.GetString(),
            JsonValueKind.Number => a.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array when IsUuid(a) => a[1].GetString(),
            _ => a.GetRawText(),
        };
    }

    public static long? AsLong(JsonElement value) =>
        Single(value) is { ValueKind: JsonValueKind.Number } a && a.TryGetInt64(out var l) ? l : null;

    public static bool? AsBool(JsonElement value) => Single(value) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>The uuid of a ["uuid", "..."] atom, or null.</summary>
    public static string? AsUuid(JsonElement value) =>
        Single(value) is { } a && IsUuid(a) ? a[1].GetString() : null;

    /// <summary>All uuids of a set of references (or a single reference).</summary>
    public static ImmutableArray<string> AsUuids(JsonElement value) =>
        [.. Atoms(value).Where(IsUuid).Select(a => a[1].GetString()!)];

    /// <summary>A ["map",[[k,v],...]] as text pairs (values via <see cref="AsString"/>).</summary>
    public static ImmutableSortedDictionary<string, string> AsStringMap(JsonElement value)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in MapPairs(value))
            if (AsString(k) is { } key) b[key] = AsString(v) ?? "";
        return b.ToImmutable();
    }

    /// <summary>A map of counters (interface statistics); non-integer values are skipped.</summary>
    public static ImmutableSortedDictionary<string, long> AsLongMap(JsonElement value)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (k, v) in MapPairs(value))
            if (AsString(k) is { } key && AsLong(v) is { } n) b[key] = n;
        return b.ToImmutable();
    }

    private static IEnumerable<(JsonElement Key, JsonElement Value)> MapPairs(JsonElement value)
    {
        if (!IsTagged(value, "map")) yield break;
        foreach (var pair in value[1].EnumerateArray())
            if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2)
                yield return (pair[0], pair[1]);
    }

    private static JsonElement? Single(JsonElement value)
    {
        if (IsTagged(value, "set"))
        {
            var members = value[1];
            return members.GetArrayLength() == 1 ? members[0] : null;
        }
        if (IsTagged(value, "map")) return null;
        return value;
    }

    private static bool IsUuid(JsonElement a) => IsTagged(a, "uuid") || IsTagged(a, "named-uuid");

    private static bool IsTagged(JsonElement v, string tag) =>
        v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2
        && v[0].ValueKind == JsonValueKind.String && v[0].ValueEquals(tag)
        && (tag is "uuid" or "named-uuid" ? v[1].ValueKind == JsonValueKind.String : v[1].ValueKind == JsonValueKind.Array);
}
