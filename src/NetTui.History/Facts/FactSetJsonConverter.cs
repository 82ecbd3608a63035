using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetTui.History.Facts;

/// <summary>A fact set is a plain JSON object in `--json` output, as in the database.</summary>
public sealed class FactSetJsonConverter : JsonConverter<FactSet>
{
    public override FactSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FactSet.Of(JsonSerializer.Deserialize(ref reader, HistoryJsonContext.Default.DictionaryStringString) ?? []);

    public override void Write(Utf8JsonWriter writer, FactSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, fact) in value) writer.WriteString(key, fact);
        writer.WriteEndObject();
    }
}
