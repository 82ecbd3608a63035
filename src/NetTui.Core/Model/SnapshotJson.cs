using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NetTui.Core.Model;

/// <summary>
/// The one JSON shape of snapshots (`nettui show --json`): camelCase properties, enums as
/// camelCase strings (<see cref="CamelCaseEnumConverter{TEnum}"/> on each enum), nulls kept
/// so scripts can rely on every key being present. Metadata comes from source-generated
/// contexts only (<see cref="CoreJsonContext"/>; the layers above pass theirs to
/// <see cref="Create"/>), so the native binary needs no reflection.
/// </summary>
public static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = Create(CoreJsonContext.Default, indented: true);
    public static readonly JsonSerializerOptions Compact = Create(CoreJsonContext.Default, indented: false);

    /// <summary>The same output, with the fast route writer (writing only).</summary>
    private static readonly JsonSerializerOptions WriteIndented = WithRouteWriter(Options), WriteCompact = WithRouteWriter(Compact);

    private static JsonSerializerOptions WithRouteWriter(JsonSerializerOptions o)
    {
        var w = new JsonSerializerOptions(o);
        w.Converters.Add(new RouteJsonWriter());
        w.MakeReadOnly();
        return w;
    }

    /// <summary>Options of this shape over <paramref name="resolver"/> (a layer's own context, chained with Core's).</summary>
    public static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver, bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = resolver,
        };
        o.MakeReadOnly();
        return o;
    }

    /// <summary>The generated metadata of <typeparamref name="T"/> under <paramref name="options"/>; throws if no context has it.</summary>
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    public static string Serialize<T>(T value, bool indented = true) => Serialize(value, indented ? Options : Compact);

    public static string Serialize<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, Info<T>(options));

    /// <summary>
    /// Writes straight to <paramref name="stream"/> with a Utf8JsonWriter: a snapshot of
    /// 200,000 routes is tens of MB of JSON, which as one string would be twice that in UTF-16.
    /// </summary>
    public static Task WriteAsync<T>(Stream stream, T value, bool indented = true, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(stream, value, Info<T>(indented ? WriteIndented : WriteCompact), ct);

    /// <summary>
    /// The indented document of a snapshot, as <see cref="WriteAsync{T}"/> writes it, with
    /// the routes formatted on several threads (<see cref="ChunkedRouteWriter"/>).
    /// </summary>
    public static Task WriteSnapshotAsync(Stream stream, HostSnapshot snapshot, int chunkSize = 4096, CancellationToken ct = default) =>
        ChunkedRouteWriter.WriteAsync(stream, snapshot, WriteIndented, chunkSize, ct);

    public static void Write<T>(Stream stream, T value, bool indented = true) =>
        JsonSerializer.Serialize(stream, value, Info<T>(indented ? WriteIndented : WriteCompact));

    public static T? Deserialize<T>(string json) => Deserialize<T>(json, Options);

    public static T? Deserialize<T>(string json, JsonSerializerOptions options) => JsonSerializer.Deserialize(json, Info<T>(options));
}
