using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Plans;

namespace NetTui.Core;

/// <summary>
/// Compile-time JSON metadata of the Core documents: snapshots, operations (the derived
/// records come with <see cref="Operation"/>'s [JsonDerivedType] list), plan steps and plan
/// files. The shapes (names, nulls, indentation) are set by the options that use it,
/// <see cref="SnapshotJson"/> and <see cref="OperationJson"/>; no reflection is involved.
/// </summary>
[JsonSerializable(typeof(HostSnapshot))]
[JsonSerializable(typeof(Persistence))]
[JsonSerializable(typeof(RouteDetails))]
[JsonSerializable(typeof(Operation))]
[JsonSerializable(typeof(ImmutableArray<Operation>))]
[JsonSerializable(typeof(IReadOnlyList<Operation>))]
[JsonSerializable(typeof(PlanStep))]
[JsonSerializable(typeof(ImmutableArray<PlanStep>))]
[JsonSerializable(typeof(PlanFileJson.PlanFileDto))]
[JsonSerializable(typeof(PlanFile))]
[JsonSerializable(typeof(NetTui.Core.Trace.TraceResult))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
