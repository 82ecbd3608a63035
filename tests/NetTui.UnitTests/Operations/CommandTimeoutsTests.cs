using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Commands;

namespace NetTui.UnitTests.Operations;

/// <summary>A timeout names the command, the limit and the daemon to check, never an OVS log line.</summary>
public sealed class CommandTimeoutsTests
{
    private const string Alarm = "2026-12-07T05:00:00Z|00001|fatal_signal|WARN|terminating with signal 14 (Alarm clock)\n";

    [Fact]
    public void Ovs_vsctl_ended_by_its_own_timeout_is_said_as_a_timeout()
    {
        var spec = CommandSpec.Of("ovs-vsctl", "--timeout=5", "--db=unix:/x/db.sock", "add-br", "obr0");
        var text = CommandTimeouts.OvsAlarm(new CommandResult(spec, 142, "", Alarm, TimeSpan.FromSeconds(5)));
        Assert.Equal("ovs-vsctl --timeout=5 --db=unix:/x/db.sock add-br obr0: no answer within 5 s (ovs-vsctl's --timeout); check that ovs-vswitchd (and ovsdb-server) runs and answers", text);
        Assert.DoesNotContain("Alarm clock", text, StringComparison.Ordinal);
        Assert.Null(CommandTimeouts.OvsAlarm(new CommandResult(spec, 1, "", "ovs-vsctl: no bridge named obr0\n", TimeSpan.Zero)));
    }

    [Fact]
    public void A_killed_command_names_its_limit_and_daemon()
    {
        var e = new CommandTimeoutException(CommandSpec.Of("ovs-vsctl", "--no-wait", "del-br", "obr0") with { Timeout = TimeSpan.FromSeconds(8) });
        Assert.Contains("ovs-vsctl --no-wait del-br obr0: no answer within 8 s", e.Message, StringComparison.Ordinal);
        Assert.Contains("check that ovsdb-server runs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_executor_reports_the_timeout_not_the_log_line()
    {
        var inv = new FakeInventory(TestHost.Basic());
        var runner = new AlarmRunner();
        var r = await new ChangeExecutor(runner, inv, new MemoryFiles()).ApplyAsync(new CreateOvsBridge("obr0", "netdev"), OperationContext.Default,
            ct: TestContext.Current.CancellationToken);
        Assert.Contains("no answer within", r.FailedStep!.Error, StringComparison.Ordinal);
        Assert.Contains("ovs-vswitchd", r.FailedStep.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Alarm clock", r.Summary, StringComparison.Ordinal);
    }

    /// <summary>Every ovs-vsctl ends as its --timeout makes it end.</summary>
    private sealed class AlarmRunner : ICommandRunner
    {
        public NetworkTarget Target => new("ntl-unit");
        public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken ct = default) =>
            Task.FromResult(new CommandResult(spec, spec.Program == "ovs-vsctl" ? 142 : 0, "", spec.Program == "ovs-vsctl" ? Alarm : "", TimeSpan.FromSeconds(5)));
    }
}
