using System.Collections.Immutable;
using NetTui.Core.Operations;

namespace NetTui.Core.Plans;

/// <summary>
/// A plan file: an ordered list of operations applied all or nothing as one change-set
/// (`nettui apply PLAN`). <see cref="Schema"/> is a version string so a NetTui that meets a
/// newer format refuses it instead of guessing. <see cref="Messages"/> are explanations for
/// the admin (why an MTU was chosen); they never change what runs. See docs/plan-files.md.
/// </summary>
public sealed record PlanFile(
    string Schema,
    PlanMetadata Metadata,
    ImmutableArray<Operation> Operations,
    ImmutableArray<string> Messages)
{
    public const string SchemaV1 = "nettui.plan/v1";

    public static PlanFile Create(PlanMetadata metadata, IEnumerable<Operation> operations, IEnumerable<string>? messages = null) =>
        new(SchemaV1, metadata, [.. operations], [.. messages ?? []]);

    public bool Equals(PlanFile? other) => other is not null && PlanFileJson.Write(this) == PlanFileJson.Write(other);
    public override int GetHashCode() => HashCode.Combine(Schema, Operations.Length);
}

/// <summary>Who made the plan and for which host. Informational: apply does not check it against the host.</summary>
public sealed record PlanMetadata(
    string CreatedBy,
    DateTimeOffset? CreatedAt = null,
    string? ForHost = null,
    string? Role = null,
    string? Description = null);
