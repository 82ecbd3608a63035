using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetTui.Core.Model;

/// <summary>
/// The one JSON shape of snapshots (`nettui show --json`): camelCase properties, enums as
/// camelCase strings, nulls kept so scripts can rely on every key being present.
/// </summary>
public static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: true);
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>The same output, with the fast route writer (writing only).</summary>
    private static readonly JsonSerializerOptions WriteIndented = WithRouteWriter(Options), WriteCompact = WithRouteWriter(Compact);

    private static JsonSerializerOptions WithRouteWriter(JsonSerializerOptions o)
    {
        var w = new JsonSerializerOptions(o);
        w.Converters.Add(new RouteJsonWriter());
        return w;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return o;
    }

    public static string Serialize<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? Options : Compact);

    /// <summary>
    /// Writes straight to <paramref name="stream"/> with a Utf8JsonWriter: a snapshot of
    /// 200,000 routes is tens of MB of JSON, which as one string would be twice that in UTF-16.
    /// </summary>
    public static Task WriteAsync<T>(Stream stream, T value, bool indented = true, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(stream, value, indented ? WriteIndented : WriteCompact, ct);

    /// <summary>
    /// The indented document of a snapshot, as <see cref="WriteAsync{T}"/> writes it, with
    /// the routes formatted on several threads (<see cref="ChunkedRouteWriter"/>).
    /// </summary>
    public static Task WriteSnapshotAsync(Stream stream, HostSnapshot snapshot, int chunkSize = 4096, CancellationToken ct = default) =>
        ChunkedRouteWriter.WriteAsync(stream, snapshot, WriteIndented, chunkSize, ct);

    public static void Write<T>(Stream stream, T value, bool indented = true) =>
        JsonSerializer.Serialize(stream, value, indented ? WriteIndented : WriteCompact);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
