namespace NetTui.Core.Plans;

/// <summary>
/// Why a plan file was refused: where (the JSON path or "operations[3].remote") and, for
/// syntax and type errors, the 1-based line and column in the file.
/// </summary>
public sealed record PlanError(string Where, string Message, long? Line = null, long? Column = null)
{
    public override string ToString() =>
        Line is { } l ? $"line {l}, column {Column ?? 0}: {Where}: {Message}" : $"{Where}: {Message}";
}

/// <summary>A parsed plan, or the errors that stopped it (never both).</summary>
public sealed record PlanParse(PlanFile? Plan, IReadOnlyList<PlanError> Errors)
{
    public bool Ok => Plan is not null && Errors.Count == 0;
}
