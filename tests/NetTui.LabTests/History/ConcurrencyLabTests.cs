using NetTui.History.Journaling;

namespace NetTui.LabTests.History;

/// <summary>
/// Two nettui processes applying at once against one history: the second waits for the apply
/// lock, both succeed, the database is sound, every change-set is complete, and no two
/// change-sets overlap in time (none was interleaved with another).
/// </summary>
public sealed class ConcurrencyLabTests
{
    [Fact]
    public async Task Two_processes_applying_at_once_keep_the_journal_consistent()
    {
        await using var h = await HistoryLab.CreateAsync();
        for (var round = 0; round < 3; round++)
        {
            var a = h.CliAsync("bridge", "add", $"ba{round}", "--address", $"10.60.{round}.1/24");
            var b = h.CliAsync("bridge", "add", $"bb{round}", "--address", $"10.61.{round}.1/24");
            foreach (var r in await Task.WhenAll(a, b))
                Assert.True(r.Succeeded, r.CommandLine + "\n" + r.StandardOutput + r.StandardError);
        }

        var journal = h.Journal;
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("ok", await journal.IntegrityCheckAsync(ct));
        var rows = (await journal.ListAllAsync(ct)).OrderBy(cs => cs.Id).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, cs => Assert.Equal(ChangeSetStatus.Applied, cs.Status));

        var details = new List<ChangeSetDetail>();
        foreach (var cs in rows) details.Add((await journal.GetAsync(cs.Id, ct))!);
        foreach (var d in details)
        {
            var step = Assert.Single(d.Steps);
            Assert.Equal(StepStatus.Applied, step.Status);
            Assert.Equal(3, step.Commands.Length);
            // Its commands ran inside its own interval.
            Assert.All(step.Commands, c => Assert.InRange(c.StartedAt, d.ChangeSet.CreatedAt, d.ChangeSet.CompletedAt!.Value));
        }
        for (var i = 1; i < rows.Count; i++)
            Assert.True(rows[i].CreatedAt >= rows[i - 1].CompletedAt,
                $"#{rows[i].Id} started at {rows[i].CreatedAt:O} before #{rows[i - 1].Id} completed at {rows[i - 1].CompletedAt:O}");
    }
}
