using NetTui.Core.Doctor;
using NetTui.Host.Doctor;
using NetTui.UnitTests.Operations;
using static NetTui.UnitTests.Doctor.ContainerChecksFixtures;

namespace NetTui.UnitTests.Doctor;

/// <summary>A fix made of operations goes to the change path, never to the command runner; without one it is refused.</summary>
public sealed class ChangeFixTests
{
    private sealed class RecordingApplier : IOperationFixApplier
    {
        public List<FixPlan> Applied { get; } = [];
        public long? LastChangeSetId => Applied.Count == 0 ? null : 7;
        public Task<FixOutcome> ApplyAsync(Finding finding, FixPlan plan, CancellationToken ct)
        {
            Applied.Add(plan);
            return Task.FromResult(new FixOutcome(true, [], [], null));
        }
    }

    private static readonly Finding Mtu = Assert.Single(NetTui.Core.Doctor.Checks.ContainerMtuCheck.Run(Facts(SeedA())));

    [Fact]
    public async Task The_mtu_fix_is_applied_through_the_change_path_and_runs_no_command_itself()
    {
        var runner = new RecordingRunner();
        var applier = new RecordingApplier();
        var doctor = new DoctorService(runner, new FakeInventory(SeedA()), new DoctorOptions { DaemonJsonPath = "/nonexistent/daemon.json", ResolvConfPath = "/nonexistent/resolv.conf" })
            { Changes = applier, RecheckPatience = TimeSpan.Zero };
        var r = await doctor.FixAsync(Mtu, new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        Assert.True(r.Outcome.Succeeded);
        Assert.Same(Mtu.Fix, Assert.Single(applier.Applied));
        Assert.DoesNotContain(runner.Ran, c => c.Program is "ip" or "nsenter");
    }

    [Fact]
    public async Task Without_the_change_path_the_fix_is_refused_and_nothing_runs()
    {
        var runner = new RecordingRunner();
        var doctor = new DoctorService(runner, new FakeInventory(SeedA()), new DoctorOptions { DaemonJsonPath = "/nonexistent/daemon.json" }) { RecheckPatience = TimeSpan.Zero };
        var r = await doctor.FixAsync(Mtu, new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        Assert.False(r.Outcome.Succeeded);
        Assert.Contains("journaled change path", r.Outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(runner.Ran, c => c.Program is "ip" or "nsenter");
    }

    [Fact]
    public void Its_preview_lists_the_operations()
    {
        var lines = Mtu.Fix!.Preview(new NetTui.Core.Commands.NetworkTarget("ntl-a")).ToList();
        Assert.Contains(" 1. set MTU of container c1 (eth0 and its host veth) to 1462", lines);
        Assert.Contains(lines, l => l.Contains("set Docker's container MTU to 1462 in /x/daemon.json", StringComparison.Ordinal));
    }
}
