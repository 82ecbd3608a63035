using System.Text.Json;

namespace NetTui.Host.Inventory.Parsing;

/// <summary>Tolerant accessors for iproute2's JSON, where absent keys mean a default.</summary>
internal static class JsonElementExtensions
{
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    public static int? Int(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)
            ? i : null;

    public static JsonElement? Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            ? v : null;

    public static IEnumerable<JsonElement> Arr(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray() : [];

    /// <summary>
    /// The top-level array of an iproute2 -j answer; empty text (no objects) is an empty array.
    /// Raw control characters (a hostile alias) are escaped first, see <see cref="JsonControlRepair"/>.
    /// </summary>
    public static JsonDocument ParseArray(string json) =>
        JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : JsonControlRepair.Repair(json));
}
