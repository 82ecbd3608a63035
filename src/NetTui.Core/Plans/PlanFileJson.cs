using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Plans;

/// <summary>
/// Reads and writes plan files. Reading is strict, because a plan runs as root: bad JSON,
/// an unknown "op", a schema version other than <see cref="PlanFile.SchemaV1"/>, unknown or
/// missing fields and field values that do not parse all refuse the whole file, with the
/// line/column (syntax and type errors) or the operation index and field (value errors).
/// </summary>
public static class PlanFileJson
{
    /// <summary>OperationJson's shape, but nothing unknown, missing or null-where-not-allowed is let through.</summary>
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    private static JsonSerializerOptions CreateStrict()
    {
        var o = new JsonSerializerOptions(OperationJson.Options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            AllowOutOfOrderMetadataProperties = true,
            AllowDuplicateProperties = false,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            // A constructor parameter that may be null may also be left out (the writer leaves out
            // nulls: SetDockerDefaultBridge's "bridge" is null when it removes the setting).
            TypeInfoResolver = CoreJsonContext.Default.WithAddedModifier(info =>
            {
                foreach (var p in info.Properties)
                    if (p.IsRequired && p.AssociatedParameter is { IsNullable: true }) p.IsRequired = false;
            }),
        };
        o.MakeReadOnly();
        return o;
    }

    public static string Write(PlanFile plan) => JsonSerializer.Serialize(new PlanFileDto
    {
        Schema = plan.Schema,
        Metadata = plan.Metadata,
        Operations = plan.Operations,
        Messages = plan.Messages.IsDefaultOrEmpty ? null : plan.Messages,
    }, SnapshotJson.Info<PlanFileDto>(OperationJson.Options)) + "\n";

    public static PlanParse Read(string text)
    {
        // 1. Syntax, and the version before anything else: a v2 file must say "v2", not "field x unknown".
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            return Fail(new PlanError(e.Path ?? "$", Clean(e.Message), Line(e), Column(e)));
        }
        using (doc)
        {
            // A bare operation or array of operations (what `--json` prints as "operation"/"inverse")
            // is an unversioned plan: read as strictly, wrapped with no metadata.
            if (doc.RootElement.ValueKind == JsonValueKind.Array
                || (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("op", out _) && !doc.RootElement.TryGetProperty("schema", out _)))
                return ReadBare(text, doc.RootElement.ValueKind == JsonValueKind.Array);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Fail(new PlanError("$", $"a plan file is a JSON object, not {Word(doc.RootElement.ValueKind)}"));
            if (!doc.RootElement.TryGetProperty("schema", out var schema))
                return Fail(new PlanError("schema", $"missing; a plan file starts with \"schema\": \"{PlanFile.SchemaV1}\""));
            if (schema.ValueKind != JsonValueKind.String || schema.GetString() != PlanFile.SchemaV1)
                return Fail(new PlanError("schema", $"{schema.GetRawText()} is not supported; this NetTui reads \"{PlanFile.SchemaV1}\""));
        }

        // 2. Shape: types, required fields, known operations.
        PlanFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(text, SnapshotJson.Info<PlanFileDto>(Strict));
        }
        catch (JsonException e)
        {
            return Fail(new PlanError(Where(e.Path), Clean(e.Message), Line(e), Column(e)));
        }
        catch (NotSupportedException e)
        {
            return Fail(new PlanError("$", Clean(e.Message)));
        }
        if (dto is null) return Fail(new PlanError("$", "empty plan"));
        if (dto.Operations.IsDefaultOrEmpty) return Fail(new PlanError("operations", "the plan has no operations"));

        // 3. Values: every field of every operation, named by its index.
        var errors = FieldErrors(dto.Operations);
        if (errors.Count > 0) return new PlanParse(null, errors);
        return new PlanParse(new PlanFile(dto.Schema, dto.Metadata, dto.Operations, dto.Messages ?? []), []);
    }

    private static List<PlanError> FieldErrors(ImmutableArray<Operation> ops)
    {
        var errors = new List<PlanError>();
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            if (op is null) { errors.Add(new PlanError($"operations[{i}]", "null is not an operation")); continue; }
            foreach (var e in op.CheckFields())
                errors.Add(new PlanError($"operations[{i}] ({op.Kind}).{e.Field}", e.Message));
        }
        return errors;
    }

    private static PlanParse ReadBare(string text, bool array)
    {
        ImmutableArray<Operation> ops;
        try
        {
            ops = array
                ? JsonSerializer.Deserialize(text, SnapshotJson.Info<ImmutableArray<Operation>>(Strict))
                : [JsonSerializer.Deserialize(text, SnapshotJson.Info<Operation>(Strict))!];
        }
        catch (JsonException e)
        {
            return Fail(new PlanError(Where(e.Path), Clean(e.Message), Line(e), Column(e)));
        }
        if (ops.IsDefaultOrEmpty) return Fail(new PlanError("operations", "the plan has no operations"));
        var errors = FieldErrors(ops);
        return errors.Count > 0 ? new PlanParse(null, errors) : new PlanParse(PlanFile.Create(new PlanMetadata("unversioned operations"), ops), []);
    }

    private static PlanParse Fail(PlanError e) => new(null, [e]);

    // JsonException counts lines and bytes from 0; editors count from 1.
    private static long? Line(JsonException e) => e.LineNumber + 1;
    private static long? Column(JsonException e) => e.BytePositionInLine + 1;

    private static string Where(string? path) => path is null or "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>System.Text.Json appends " Path: ... | LineNumber: ..." to its messages; the error carries those apart.</summary>
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    private static string Word(JsonValueKind k) => k switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => k.ToString().ToLowerInvariant(),
    };

    /// <summary>The file as read: required members are C# `required`, so a missing one is a JsonException naming it. (Public only for CoreJsonContext.)</summary>
    public sealed class PlanFileDto
    {
        public required string Schema { get; init; }
        public required PlanMetadata Metadata { get; init; }
        public required ImmutableArray<Operation> Operations { get; init; }
        public ImmutableArray<string>? Messages { get; init; }
    }
}
