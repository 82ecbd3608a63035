using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NetTui.Cli.Doctor;
using NetTui.Core;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;
using NetTui.History.Journaling;

namespace NetTui.Cli.Json;

/// <summary>
/// Compile-time JSON metadata of the app's documents: `--json` output of show (drift),
/// persist, doctor, history and the change verbs, and Doctor commands in the journal.
/// </summary>
[JsonSerializable(typeof(Show.DriftReport))]
[JsonSerializable(typeof(Persist.PersistReport))]
[JsonSerializable(typeof(DoctorJson.ReportDto))]
[JsonSerializable(typeof(DoctorJson.FixResultDto))]
[JsonSerializable(typeof(NetTui.Doctor.DoctorCommandJson))]
[JsonSerializable(typeof(ChangeSetDetail))]
[JsonSerializable(typeof(IReadOnlyList<ChangeSet>))]
[JsonSerializable(typeof(RejectedDocument<ValueError>))]
[JsonSerializable(typeof(RejectedDocument<string>))]
[JsonSerializable(typeof(RefusedDocument))]
[JsonSerializable(typeof(RevertDocument))]
[JsonSerializable(typeof(PendingDocument))]
[JsonSerializable(typeof(ConfirmDocument))]
[JsonSerializable(typeof(WizardPlannedDocument))]
[JsonSerializable(typeof(ChangeDocument))]
[JsonSerializable(typeof(Stats.StatsDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>The two shapes (<see cref="SnapshotJson"/>'s, <see cref="OperationJson"/>'s) over the app's and Core's metadata.</summary>
internal static class CliJson
{
    private static readonly IJsonTypeInfoResolver Resolver = JsonTypeInfoResolver.Combine(CliJsonContext.Default, CoreJsonContext.Default);

    /// <summary>Nulls kept (show, persist, doctor).</summary>
    public static readonly JsonSerializerOptions Snapshot = SnapshotJson.Create(Resolver, indented: true);

    /// <summary>Nulls left out (change and history verbs, the journal).</summary>
    public static readonly JsonSerializerOptions Operations = OperationJson.Create(Resolver);

    /// <summary>Web defaults, nothing else: the journal's Doctor commands.</summary>
    public static readonly JsonSerializerOptions Web = WebOptions();

    public static string Document<T>(T value) => SnapshotJson.Serialize(value, Snapshot);

    /// <summary>Nulls kept, on one line (JSON lines: `nettui stats --json`).</summary>
    public static readonly JsonSerializerOptions Lines = SnapshotJson.Create(Resolver, indented: false);

    public static string Line<T>(T value) => SnapshotJson.Serialize(value, Lines);

    public static string Operation<T>(T value) => SnapshotJson.Serialize(value, Operations);

    private static JsonSerializerOptions WebOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = Resolver };
        o.MakeReadOnly();
        return o;
    }
}
