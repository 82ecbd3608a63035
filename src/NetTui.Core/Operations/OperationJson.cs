using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetTui.Core.Operations;

/// <summary>
/// The JSON shape of operations and plans (plan files, `--json` output, the history journal):
/// camelCase, the "op" discriminator first, unset optional fields left out.
/// </summary>
public static class OperationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(Operation op) => JsonSerializer.Serialize(op, Options);

    public static Operation? Deserialize(string json) => JsonSerializer.Deserialize<Operation>(json, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
