using System.Text.Json;
using System.Text.Json.Nodes;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Pure edits of Docker's daemon.json: read and set a key ("bridge", "mtu") while keeping
/// every other key (and their order) as they were.
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

    /// <summary>A whole-number key ("mtu": 1462); null when absent or not a number.</summary>
    public static int? GetNumber(string? text, string key) =>
        Problem(text) is null && Parse(text)[key] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    /// <summary>The text with <paramref name="key"/> set to a number (dockerd wants "mtu" as a JSON number), or removed when null.</summary>
    public static string SetNumber(string? text, string key, int? value)
    {
        var o = Parse(text);
        if (value is null) o.Remove(key);
        else o[key] = value.Value;
        return o.ToJsonString(Indented) + "\n";
    }

    /// <summary>The text with <paramref name="key"/> set to <paramref name="value"/>, or removed when null.</summary>
    public static string Set(string? text, string key, string? value)
    {
        var o = Parse(text);
        if (value is null) o.Remove(key);
        else o[key] = value;
        return o.ToJsonString(Indented) + "\n";
    }

    /// <summary>Field check of an operation's daemon.json path (null: the context's default, always fine).</summary>
    internal static void CheckPath(FieldCheck c, string? path)
    {
        if (path is null) return;
        if (!path.StartsWith('/') || path.EndsWith('/'))
            c.Add("daemon-json", $"'{InterfaceName.Printable(path)}' is not an absolute file path");
        else if (path.Any(ch => ch < 0x20 || ch == 0x7f))
            c.Add("daemon-json", $"'{InterfaceName.Printable(path)}' contains control characters");
        // A plan names this file and root writes it: only a file dockerd could read as its
        // config (/etc/docker/daemon.json, or one given to dockerd --config-file), never any path.
        else if (!path.EndsWith("/daemon.json", StringComparison.Ordinal) || path.Split('/').Any(s => s is "." or ".."))
            c.Add("daemon-json", $"'{InterfaceName.Printable(path)}' is not a daemon.json: NetTui writes only files named daemon.json, like {OperationContext.DefaultDaemonJson}");
    }
}
