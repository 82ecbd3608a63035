using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NetTui.Core.Model;

namespace NetTui.Core.Operations;

/// <summary>
/// The JSON shape of operations and plans (plan files, `--json` output, the history journal):
/// camelCase, the "op" discriminator first, unset optional fields left out. Metadata from
/// <see cref="CoreJsonContext"/> (layers above pass theirs to <see cref="Create"/>).
/// </summary>
public static class OperationJson
{
    public static readonly JsonSerializerOptions Options = Create(CoreJsonContext.Default);

    public static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = resolver,
        };
        o.MakeReadOnly();
        return o;
    }

    public static string Serialize(Operation op) => JsonSerializer.Serialize(op, SnapshotJson.Info<Operation>(Options));

    public static Operation? Deserialize(string json) => JsonSerializer.Deserialize(json, SnapshotJson.Info<Operation>(Options));

    /// <summary>As declared: a derived operation passed as itself is written without "op" (as before).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, SnapshotJson.Info<T>(Options));
}
