using NetTui.Core.Commands;
using NetTui.Host.Changes;

namespace NetTui.UnitTests.Operations;

/// <summary>ovs-vsctl's exit-0 "Error detected while setting up" is a failed step, with ovs-vswitchd's reason from its log.</summary>
public sealed class OvsApplyFailureTests
{
    private static CommandResult Vsctl(string stderr, int exit = 0) =>
        new(CommandSpec.Of("ovs-vsctl", "add-br", "obr0"), exit, "", stderr, TimeSpan.Zero);

    [Fact]
    public void Bridge_on_a_missing_datapath_is_a_failure_with_the_daemons_log_line()
    {
        var dir = Directory.CreateTempSubdirectory("ovslog").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "ovs-vswitchd.log"),
                "2026-12-07T03:08:27.857Z|00011|ofproto|ERR|failed to open datapath obr0: No such file or directory\n" +
                "2026-12-07T03:08:27.857Z|00012|bridge|ERR|failed to create bridge obr0: No such file or directory\n" +
                "2026-12-07T03:08:28.000Z|00013|bridge|INFO|bridge nbr: using datapath ID 0000\n");
            var stderr = $"ovs-vsctl: Error detected while setting up 'obr0'.  See ovs-vswitchd log for details.\novs-vsctl: The default log directory is \"{dir}\".\n";
            Assert.Equal("ovs-vswitchd could not set up obr0: failed to create bridge obr0: No such file or directory", OvsApplyFailure.Of(Vsctl(stderr)));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Without_a_readable_log_the_reason_ovs_vsctl_gave_is_kept()
    {
        var stderr = "ovs-vsctl: Error detected while setting up 'gre9': could not open network device gre9 (No such device).  See ovs-vswitchd log for details.\n" +
                     "ovs-vsctl: The default log directory is \"/nonexistent/nettui\".\n";
        Assert.Equal("ovs-vswitchd could not set up gre9: could not open network device gre9 (No such device)", OvsApplyFailure.Of(Vsctl(stderr)));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("ovs-vsctl: no bridge named obr0", 1)]
    public void Clean_runs_and_ordinary_failures_are_left_to_the_exit_code(string stderr, int exit) =>
        Assert.Null(OvsApplyFailure.Of(Vsctl(stderr, exit)));
}
