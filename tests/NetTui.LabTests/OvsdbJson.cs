using System.Text.Json.Nodes;

namespace NetTui.LabTests;

/// <summary>
/// Reads `ovs-vsctl --format=json list TABLE` independently of NetTui's parser: OVSDB JSON
/// has "headings" and "data" rows whose cells are atoms or tagged values
/// (["uuid", U], ["set", [...]], ["map", [[k, v], ...]]).
/// </summary>
public static class OvsdbJson
{
    public static List<Dictionary<string, JsonNode?>> Rows(string json)
    {
        var doc = JsonNode.Parse(json)!;
        var headings = doc["headings"]!.AsArray().Select(h => (string)h!).ToList();
        var rows = new List<Dictionary<string, JsonNode?>>();
        foreach (var row in doc["data"]!.AsArray())
        {
            var cells = row!.AsArray();
            var d = new Dictionary<string, JsonNode?>();
            for (var i = 0; i < headings.Count; i++) d[headings[i]] = cells[i];
            rows.Add(d);
        }
        return rows;
    }

    /// <summary>An atom, or the single element of a one-element set; null for an empty set.</summary>
    public static string? Scalar(JsonNode? cell)
    {
        if (cell is JsonArray a && (string?)a[0] == "set")
        {
            var items = a[1]!.AsArray();
            return items.Count == 0 ? null : Scalar(items[0]);
        }
        if (cell is JsonArray u && (string?)u[0] == "uuid") return (string?)u[1];
        return cell?.ToString();
    }

    public static IReadOnlyList<string> Uuids(JsonNode? cell)
    {
        if (cell is JsonArray a && (string?)a[0] == "uuid") return [(string)a[1]!];
        if (cell is JsonArray s && (string?)s[0] == "set")
            return [.. s[1]!.AsArray().Select(x => (string)x!.AsArray()[1]!)];
        return [];
    }

    public static SortedDictionary<string, string> Map(JsonNode? cell)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (cell is JsonArray a && (string?)a[0] == "map")
            foreach (var pair in a[1]!.AsArray())
                result[pair![0]!.ToString()] = pair[1]!.ToString();
        return result;
    }
}
