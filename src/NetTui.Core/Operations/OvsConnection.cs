using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Commands;

namespace NetTui.Core.Operations;

/// <summary>
/// How to reach one OVSDB: `--db=` target and/or OVS_* environment (OVS_RUNDIR etc., as a
/// lab instance needs), and the `--timeout` every ovs-vsctl call gets (without it, a change
/// waits forever when ovs-vswitchd is not running).
/// </summary>
public sealed record OvsConnection(string? Db = null, ImmutableDictionary<string, string>? Environment = null, int TimeoutSeconds = 10)
{
    public static readonly OvsConnection Default = new();

    /// <summary>
    /// For undoing an add: commit the removal without waiting for ovs-vswitchd, so a rollback
    /// also works when ovs-vswitchd is what failed (it applies the database when it is back).
    /// </summary>
    public CommandSpec VsctlNoWait(params string[] args) => Vsctl(["--no-wait", .. args]);

    /// <summary>`ovs-vsctl --timeout=N [--db=...] ARGS`; the process timeout leaves ovs-vsctl time to report its own.</summary>
    public CommandSpec Vsctl(params string[] args)
    {
        var argv = ImmutableArray.CreateBuilder<string>();
        argv.Add($"--timeout={TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
        if (Db is not null) argv.Add($"--db={Db}");
        argv.AddRange(args);
        return new CommandSpec("ovs-vsctl", argv.ToImmutable(), TimeSpan.FromSeconds(TimeoutSeconds + 5), true, Environment);
    }
}
