using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTui.Core.Commands;

namespace NetTui.Doctor;

/// <summary>
/// A Doctor command as the journal keeps it (step kind "doctor.command"): enough to run it
/// again (undo, redo) through the command runner. <see cref="KeptOnUndo"/> / <see cref="ByHand"/>:
/// set on a step `nettui undo` does not take back (History's DoctorUndo reads them).
/// </summary>
public sealed record DoctorCommandJson(
    ImmutableArray<string> Argv,
    ImmutableDictionary<string, string>? Environment,
    bool InTargetNamespace,
    double? TimeoutSeconds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KeptOnUndo = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ByHand = null)
{
    /// <summary>Null when <paramref name="json"/> is not a Doctor command.</summary>
    public static DoctorCommandJson? Read(string json)
    {
        try { return JsonSerializer.Deserialize(json, Core.Model.SnapshotJson.Info<DoctorCommandJson>(Cli.Json.CliJson.Web)) is { Argv.IsDefaultOrEmpty: false } c ? c : null; }
        catch (JsonException) { return null; }
    }

    public CommandSpec ToSpec() => new(
        Argv[0], [.. Argv.Skip(1)], TimeoutSeconds is { } s && s > 0 ? TimeSpan.FromSeconds(s) : TimeSpan.FromSeconds(60), InTargetNamespace,
        Environment is { Count: > 0 } ? Environment : null);
}
