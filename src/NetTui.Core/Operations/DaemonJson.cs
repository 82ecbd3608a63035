using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetTui.Core.Operations;

/// <summary>
/// Pure edits of Docker's daemon.json: read and set the "bridge" key while keeping every
/// other key (and their order) as they were.
/// </summary>
public static class DaemonJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Null if the text is usable (absent, empty, or a JSON object); else why not.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                is JsonObject ? null : "it is not a JSON object";
        }
        catch (JsonException e)
        {
            return $"it is not valid JSON ({e.Message.Split('.')[0]})";
        }
    }

    private static JsonObject Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : (JsonObject)JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

    public static string? Get(string? text, string key) =>
        Problem(text) is null && Parse(text)[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Has(string? text, string key) => Problem(text) is null && Parse(text).ContainsKey(key);

    /// <summary>The text with "bridge" set to <paramref name="value"/>, or removed when null.</summary>
    public static string Set(string? text, string key, string? value)
    {
        var o = Parse(text);
        if (value is null) o.Remove(key);
        else o[key] = value;
        return o.ToJsonString(Indented) + "\n";
    }
}
