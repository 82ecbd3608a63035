using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetTui.Core.Model;

/// <summary>
/// Writes a <see cref="Route"/> exactly as the reflection serializer does with
/// <see cref="SnapshotJson"/>'s options (same names, order, nulls, enum text), with
/// pre-encoded names: `show --json` at 200,000 routes spends most of its serializing time
/// here. Write-only (used by <see cref="SnapshotJson.WriteAsync{T}"/>); a unit test compares
/// it with the reflection output and fails when Route gains a property this does not write.
/// </summary>
public sealed class RouteJsonWriter : JsonConverter<Route>
{
    /// <summary>The properties written, in order (the test checks this is all of Route's).</summary>
    public static readonly string[] Properties =
        ["Family", "Destination", "Gateway", "Device", "Protocol", "Scope", "Metric", "Table", "Type", "PreferredSource", "Persistence", "Details"];

    private static readonly JsonEncodedText Family = JsonEncodedText.Encode("family"), Destination = JsonEncodedText.Encode("destination"),
        Gateway = JsonEncodedText.Encode("gateway"), Device = JsonEncodedText.Encode("device"), Protocol = JsonEncodedText.Encode("protocol"),
        Scope = JsonEncodedText.Encode("scope"), Metric = JsonEncodedText.Encode("metric"), Table = JsonEncodedText.Encode("table"),
        TypeName = JsonEncodedText.Encode("type"), PreferredSource = JsonEncodedText.Encode("preferredSource"),
        Persistence = JsonEncodedText.Encode("persistence"), Details = JsonEncodedText.Encode("details"),
        Inet = JsonEncodedText.Encode("inet"), Inet6 = JsonEncodedText.Encode("inet6");

    /// <summary>Persistence's properties, in the reflection serializer's order (the test checks this is all of them).</summary>
    public static readonly string[] PersistenceProperties = ["Where", "Profile", "Uuid", "Note", "Unit", "SurvivesReboot"];

    private static readonly JsonEncodedText Where = JsonEncodedText.Encode("where"), Profile = JsonEncodedText.Encode("profile"),
        Uuid = JsonEncodedText.Encode("uuid"), Note = JsonEncodedText.Encode("note"), Unit = JsonEncodedText.Encode("unit"), SurvivesReboot = JsonEncodedText.Encode("survivesReboot");

    /// <summary>PersistenceKind as JsonStringEnumConverter(CamelCase) writes it, indexed by value.</summary>
    private static readonly JsonEncodedText[] Kinds = Enum.GetValues<PersistenceKind>()
        .Select(k => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(k.ToString()))).ToArray();

    public override Route Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("RouteJsonWriter only writes; read with SnapshotJson.Options");

    public override void Write(Utf8JsonWriter writer, Route r, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Family, r.Family == AddressFamily.Inet6 ? Inet6 : Inet);
        writer.WriteString(Destination, r.Destination);
        writer.WriteString(Gateway, r.Gateway);
        writer.WriteString(Device, r.Device);
        writer.WriteString(Protocol, r.Protocol);
        writer.WriteString(Scope, r.Scope);
        if (r.Metric is int m) writer.WriteNumber(Metric, m);
        else writer.WriteNull(Metric);
        writer.WriteString(Table, r.Table);
        writer.WriteString(TypeName, r.Type);
        writer.WriteString(PreferredSource, r.PreferredSource);
        writer.WritePropertyName(Persistence);
        if (r.Persistence is null) writer.WriteNullValue();
        else WritePersistence(writer, r.Persistence, options);
        writer.WritePropertyName(Details);
        // Rare (multipath, onlink, metrics): the serializer writes them, the common null stays fast.
        if (r.Details is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, r.Details, SnapshotJson.Info<RouteDetails>(options));
        writer.WriteEndObject();
    }

    /// <summary>By hand too: the reflection serializer per route was a third of the writing time at 200,000 routes.</summary>
    private static void WritePersistence(Utf8JsonWriter writer, Persistence p, JsonSerializerOptions options)
    {
        var kind = (int)p.Where;
        if (kind < 0 || kind >= Kinds.Length)
        {
            JsonSerializer.Serialize(writer, p, SnapshotJson.Info<Persistence>(options)); // a value the enum does not name: let the serializer decide
            return;
        }
        writer.WriteStartObject();
        writer.WriteString(Where, Kinds[kind]);
        writer.WriteString(Profile, p.Profile);
        writer.WriteString(Uuid, p.Uuid);
        writer.WriteString(Note, p.Note);
        writer.WriteString(Unit, p.Unit);
        writer.WriteBoolean(SurvivesReboot, p.SurvivesReboot);
        writer.WriteEndObject();
    }
}
