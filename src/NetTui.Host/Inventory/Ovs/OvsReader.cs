using System.Diagnostics;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Commands;

namespace NetTui.Host.Inventory.Ovs;

/// <summary>
/// Reads OVSDB with one `ovs-vsctl --format=json list ...` call. ovs-vsctl talks to
/// db.sock, so it runs outside the target namespace; it finds the socket itself from
/// OVS_RUNDIR, or from <paramref name="database"/> ("unix:PATH", the --ovs-db option).
/// </summary>
public sealed class OvsReader(ICommandRunner runner, string? database = null)
{
    /// <summary>ovs-vsctl's own wait for the database, shorter than our hard kill.</summary>
    private const int OvsTimeoutSeconds = 5;

    public CommandSpec Command
    {
        get
        {
            // --no-wait: a read must never wait for ovs-vswitchd (nor make ovs-vsctl insert the
            // missing root record and wait for it to be applied); reading is all we do here.
            List<string> args = ["--no-wait", "--format=json", $"--timeout={OvsTimeoutSeconds}"];
            if (!string.IsNullOrEmpty(database)) args.Add($"--db={database}");
            args.AddRange(["list", "Open_vSwitch", "--", "list", "Bridge", "--", "list", "Port", "--", "list", "Interface", "--", "list", "Controller"]);
            return new CommandSpec("ovs-vsctl", [.. args], TimeSpan.FromSeconds(OvsTimeoutSeconds + 3)).OutsideNamespace();
        }
    }

    public async Task<SourceRead<OvsState>> ReadAsync(CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        var run = await ToolRun.RunAsync(runner, Command, ct).ConfigureAwait(false);
        if (!run.Ok)
            return new(null, SourceStatus.Down(SourceKind.Ovs, Explain(run.Failure!, database), sw.Elapsed));
        try
        {
            var state = OvsParser.ParseCombined(run.Output!) with { KernelDatapath = KernelModule.Available("openvswitch") };
            return new(state, SourceStatus.Ok(SourceKind.Ovs, sw.Elapsed));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(null, SourceStatus.Down(SourceKind.Ovs, $"cannot parse ovs-vsctl output: {e.Message}", sw.Elapsed));
        }
    }

    /// <summary>
    /// ovs-vsctl's --timeout ends it with SIGALRM and a log line ("...|fatal_signal|WARN|
    /// terminating with signal 14 (Alarm clock)"); say what that means instead.
    /// </summary>
    public static string Explain(string failure, string? database) =>
        failure.Contains("signal 14 (Alarm clock)", StringComparison.Ordinal)
            ? $"ovs-vsctl: the database ({database ?? "default socket"}) did not answer within {OvsTimeoutSeconds} s"
            : failure;
}
