using System.Collections.Immutable;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting.Netplan;

/// <summary>
/// Runs `netplan generate` on every /etc/netplan file as it will be after the change, in a
/// scratch root directory, before anything of the change runs: a file netplan rejects fails
/// this step with netplan's own message (naming the file and line) and nothing is written.
/// Nothing to undo (it writes only in its scratch directory).
/// </summary>
public sealed record NetplanCheckStep(string Description, ImmutableArray<NetplanFileText> Files) : PlanStep(Description)
{
    public override IEnumerable<string> Preview()
    {
        yield return $"netplan generate --root-dir SCRATCH    # checks {string.Join(", ", Files.Select(f => f.Path))} before they are kept";
    }
}
