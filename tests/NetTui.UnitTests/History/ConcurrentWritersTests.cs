using NetTui.History.Journaling;

namespace NetTui.UnitTests.History;

public sealed class ConcurrentWritersTests : IDisposable
{
    private readonly TempJournal _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Two_processes_applying_at_once_leave_a_sound_journal_with_no_interleaved_change_sets()
    {
        const int perProcess = 8;
        var journal = _tmp.Open(); // create and migrate once, so the children race on writes, not on creation
        using var a = ChildJournalProcess.Start("write", _tmp.DbPath, perProcess, "a");
        using var b = ChildJournalProcess.Start("write", _tmp.DbPath, perProcess, "b");
        // This process writes too, so there are three writers.
        var local = Task.Run(async () =>
        {
            for (var i = 0; i < perProcess; i++)
                await JournalScript.ApplyAsync(journal, $"t-{i}", "step-a", "step-b", "step-c");
        }, TestContext.Current.CancellationToken);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await Task.WhenAll(a.WaitForExitAsync(timeout.Token), b.WaitForExitAsync(timeout.Token), local);
        }
        finally
        {
            // Never leave a stuck child behind a failed test.
            foreach (var child in new[] { a, b })
                if (!child.HasExited) child.Kill();
        }
        Assert.True(a.ExitCode == 0, await a.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.True(b.ExitCode == 0, await b.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));

        Assert.Equal("ok", await journal.IntegrityCheckAsync(TestContext.Current.CancellationToken));
        var all = (await journal.ListAllAsync(TestContext.Current.CancellationToken)).OrderBy(c => c.Id).ToList();
        Assert.Equal(3 * perProcess, all.Count);
        Assert.All(all, cs => Assert.Equal(ChangeSetStatus.Applied, cs.Status));
        Assert.Equal(3, all.Select(cs => cs.WriterPid).Distinct().Count());

        // Serialised by the apply lock: each change-set was completed before the next one began.
        for (var i = 1; i < all.Count; i++)
            Assert.True(all[i].CreatedAt >= all[i - 1].CompletedAt,
                $"#{all[i].Id} began at {all[i].CreatedAt:O} before #{all[i - 1].Id} completed at {all[i - 1].CompletedAt:O}");
        foreach (var cs in all)
        {
            var d = (await journal.GetAsync(cs.Id, TestContext.Current.CancellationToken))!;
            Assert.Equal([1, 2, 3], d.Steps.Select(s => s.Seq));
            Assert.All(d.Steps, s => Assert.Equal(StepStatus.Applied, s.Status));
            Assert.All(d.Steps, s => Assert.Single(s.Commands));
        }
    }
}
