using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Plans;

/// <summary>One operation of a checked plan: its exact steps and its inverse, both computed on the simulated host before it.</summary>
public sealed record CheckedOperation(int Index, Operation Operation, ImmutableArray<PlanStep> Steps, Operation? Inverse);

/// <summary>The outcome of checking a whole plan: errors (nothing may run) or every operation planned.</summary>
public sealed record PlanCheck(IReadOnlyList<PlanError> Errors, ImmutableArray<CheckedOperation> Operations, IReadOnlyList<string> Notes, HostSnapshot After)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>The plan that takes everything back: the inverses, newest first. Null if one is missing.</summary>
    public ImmutableArray<Operation>? Teardown =>
        Operations.Any(o => o.Inverse is null) ? null : [.. Operations.Reverse().Select(o => o.Inverse!)];
}

/// <summary>
/// Validates a plan step by step against the host as each earlier operation would leave it
/// (<see cref="SnapshotSimulator"/>): the whole plan is checked before anything runs, so a
/// plan whose 5th operation cannot run is refused before the 1st one touches the host.
/// </summary>
public static class PlanValidator
{
    public static PlanCheck Check(IReadOnlyList<Operation> ops, HostSnapshot host, OperationContext ctx)
    {
        var done = ImmutableArray.CreateBuilder<CheckedOperation>();
        var notes = new List<string>();
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            var errors = op.Validate(host, ctx);
            if (errors.Count > 0)
                return new PlanCheck([.. errors.Select(e => new PlanError($"operations[{i}] ({op.Kind}).{e.Field}", e.Message))], done.ToImmutable(), notes, host);
            Operation? inverse;
            try { inverse = op.Inverse(host, ctx); }
            catch (InvalidOperationException) { inverse = null; }
            var steps = op.Plan(host, ctx);
            done.Add(new CheckedOperation(i, op, steps, inverse));
            notes.AddRange(op.Notes(ctx));
            if (!SnapshotSimulator.Knows(op) && i < ops.Count - 1)
                notes.Add($"operation {i + 1} ({op.Kind}) cannot be simulated; later operations were checked against the host without it");
            (host, ctx) = SnapshotSimulator.After(host, ctx, op, steps);
        }
        return new PlanCheck([], done.ToImmutable(), [.. notes.Distinct()], host);
    }
}
