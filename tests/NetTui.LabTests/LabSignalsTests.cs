using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The lab ends only its own processes: a pid (say, from a stale pid file) whose command
/// line does not name the lab's directory is never signalled.
/// </summary>
public sealed class LabSignalsTests
{
    [Fact]
    public async Task A_process_is_signalled_only_if_its_command_line_names_the_marker()
    {
        var dir = Path.Combine(LabPaths.BaseDir, LabPaths.NewName());
        Directory.CreateDirectory(dir);
        try
        {
            // Two processes whose argv names dir (as every lab daemon's does).
            await File.WriteAllTextAsync(Path.Combine(dir, "ours"), "", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(dir, "bystander"), "", TestContext.Current.CancellationToken);
            await using var ours = LabDaemon.Start("sleeper", dir, ["tail", "-f", Path.Combine(dir, "ours")]);
            var bystander = LabDaemon.Start("bystander", dir, ["tail", "-f", Path.Combine(dir, "bystander")]);
            var bystanderPid = bystander.Pid;
            await LabWait.UntilAsync("the sleepers to run", () => Task.FromResult(LabSignals.IsAlive(ours.Pid) && LabSignals.IsAlive(bystanderPid)), TimeSpan.FromSeconds(5));

            Assert.False(LabSignals.SignalIfOwned(bystanderPid, "/nonexistent/other-lab-dir", LabSignals.SigTerm));
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Assert.True(LabSignals.IsAlive(bystanderPid));

            await ours.StopAsync(TimeSpan.FromSeconds(5));
            Assert.False(LabSignals.IsAlive(ours.Pid));
            Assert.False(File.Exists(ours.PidFile));
            Assert.True(LabSignals.IsAlive(bystanderPid));
            await bystander.DisposeAsync();
            Assert.False(LabSignals.IsAlive(bystanderPid));
        }
        finally
        {
            LabCleanup.DeleteTree(dir);
        }
    }
}
