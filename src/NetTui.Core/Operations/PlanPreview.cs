using System.Collections.Immutable;
using NetTui.Core.Commands;

namespace NetTui.Core.Operations;

/// <summary>The text a preview shows before Apply: each step's exact command, numbered, with the target namespace.</summary>
public static class PlanPreview
{
    public static IEnumerable<string> Lines(Operation op, ImmutableArray<PlanStep> steps, NetworkTarget target)
    {
        yield return $"# {op.Describe()}{(target.IsCurrent ? "" : $" (in network namespace {target.Namespace})")}";
        var n = 0;
        foreach (var s in steps)
        {
            n++;
            var first = true;
            foreach (var line in s.Preview())
            {
                yield return (first ? $"{n,2}. " : "    ") + line;
                first = false;
            }
        }
    }
}
