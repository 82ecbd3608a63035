using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Storage;
using static NetTui.UnitTests.History.JournalScript;

namespace NetTui.UnitTests.History;

public sealed class JournalWriteTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempJournal _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_pending_entry_is_on_disk_before_any_command_runs()
    {
        var writer = _tmp.Open();
        await using var lease = await writer.AcquireApplyLockAsync("bridge add br0", TimeSpan.Zero, ct: Ct);

        var id = await writer.BeginChangeSetAsync(lease, new NewChangeSet("bridge add br0", "lab", BeforeFacts: FactSet.Of(("link/br0/exists", "false"))),
            [Step("bridge-add", "br0"), Step("address-add", "br0 192.168.100.1/24")], ct: Ct);

        // Another journal on the same file (as another process would) already sees it, with its plan.
        var reader = new Journal(JournalDatabase.Open(_tmp.DbPath));
        var detail = await reader.GetAsync(id, ct: Ct);
        Assert.NotNull(detail);
        Assert.Equal(ChangeSetStatus.Pending, detail.ChangeSet.Status);
        Assert.Equal(["bridge-add", "address-add"], detail.Steps.Select(s => s.Kind));
        Assert.All(detail.Steps, s => Assert.Equal(StepStatus.Pending, s.Status));
        Assert.Equal("inverse-bridge-add", detail.Steps[0].InverseKind);
        Assert.Equal("false", detail.ChangeSet.BeforeFacts["link/br0/exists"]);
        Assert.Equal(Environment.ProcessId, detail.ChangeSet.WriterPid);
        Assert.Equal("lab", detail.ChangeSet.Namespace);
    }

    [Fact]
    public async Task Steps_commands_and_facts_are_recorded_and_read_back()
    {
        var journal = _tmp.Open();
        long id;
        await using (var lease = await journal.AcquireApplyLockAsync("bridge add br0", TimeSpan.Zero, ct: Ct))
        {
            id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("bridge add br0", null), [Step("bridge-add", "br0"), Step("link-up", "br0")], ct: Ct);
            await journal.StartStepAsync(id, 1, ct: Ct);
            await journal.RecordCommandAsync(id, 1, Command("ip link add br0 type bridge"), ct: Ct);
            await journal.RecordStepAsync(id, 1, StepStatus.Applied, afterFacts: FactSet.Of(("link/br0/exists", "true")), ct: Ct);
            await journal.RecordStepAsync(id, 2, StepStatus.Failed,
                [Command("ip link set br0 up", exit: 2, stderr: "RTNETLINK answers: Operation not permitted")], error: "permission denied", ct: Ct);
            await journal.RecordStepAsync(id, 1, StepStatus.Reverted, [Command("ip link del br0")], ct: Ct);
            await journal.CompleteAsync(id, ChangeSetStatus.Failed, error: "step 2 failed: RTNETLINK answers: Operation not permitted", ct: Ct);
        }

        var d = (await journal.GetAsync(id, ct: Ct))!;
        Assert.Equal(ChangeSetStatus.Failed, d.ChangeSet.Status);
        Assert.NotNull(d.ChangeSet.CompletedAt);
        Assert.Contains("Operation not permitted", d.ChangeSet.Error);
        Assert.Equal(StepStatus.Reverted, d.Steps[0].Status);
        Assert.Equal(["ip link add br0 type bridge", "ip link del br0"], d.Steps[0].Commands.Select(c => c.Display));
        Assert.Equal("true", d.Steps[0].AfterFacts["link/br0/exists"]);
        var failed = Assert.Single(d.Steps[1].Commands);
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal("RTNETLINK answers: Operation not permitted", failed.StandardError);
        Assert.Equal(["ip", "link", "set", "br0", "up"], failed.Argv);
    }

    [Fact]
    public async Task A_change_set_can_only_be_started_under_the_apply_lock()
    {
        var journal = _tmp.Open();
        var lease = await journal.AcquireApplyLockAsync("x", TimeSpan.Zero, ct: Ct);
        await lease.DisposeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            journal.BeginChangeSetAsync(lease, new NewChangeSet("x", null), [Step("op", "x")], ct: Ct));
        Assert.Empty(await journal.ListAsync(ct: Ct));
    }

    [Fact]
    public async Task A_completed_change_set_cannot_be_completed_or_written_again()
    {
        var journal = _tmp.Open();
        var id = await ApplyAsync(journal, "br0", "create");

        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => journal.CompleteAsync(id, ChangeSetStatus.Failed, ct: Ct));
        Assert.Contains("applied, not pending", again.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.RecordStepAsync(id, 1, StepStatus.Failed, ct: Ct));
        Assert.Equal(ChangeSetStatus.Applied, (await journal.GetAsync(id, ct: Ct))!.ChangeSet.Status);
    }

    [Fact]
    public async Task Applying_an_undo_marks_its_target_undone_in_the_same_step()
    {
        var journal = _tmp.Open();
        var change = await ApplyAsync(journal, "br0", "create");

        var undo = await ApplyAsync(journal, new NewChangeSet("undo br0", "lab", ChangeSetKind.Undo, RevertsId: change), "delete");

        Assert.Equal(ChangeSetStatus.Undone, (await journal.GetAsync(change, ct: Ct))!.ChangeSet.Status);
        Assert.Equal(change, (await journal.GetAsync(undo, ct: Ct))!.ChangeSet.RevertsId);
        // A second undo of the same change-set is refused at completion and leaves it pending, not a lie.
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ApplyAsync(journal, new NewChangeSet("undo br0 again", "lab", ChangeSetKind.Undo, RevertsId: change), "delete"));
        Assert.Contains("undone", ex.Message);
    }

    [Fact]
    public async Task A_rollback_marks_its_target_rolled_back_and_a_failed_undo_marks_nothing()
    {
        var journal = _tmp.Open();
        var a = await ApplyAsync(journal, "a", "create");
        var b = await ApplyAsync(journal, "b", "create");

        await ApplyAsync(journal, new NewChangeSet("rollback a", "lab", ChangeSetKind.Rollback, RevertsId: a), "delete");
        await using (var lease = await journal.AcquireApplyLockAsync("undo b", TimeSpan.Zero, ct: Ct))
        {
            var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("undo b", "lab", ChangeSetKind.Undo, b), [Step("op", "b")], ct: Ct);
            await journal.CompleteAsync(id, ChangeSetStatus.Failed, error: "boom", ct: Ct);
        }

        Assert.Equal(ChangeSetStatus.RolledBack, (await journal.GetAsync(a, ct: Ct))!.ChangeSet.Status);
        Assert.Equal(ChangeSetStatus.Applied, (await journal.GetAsync(b, ct: Ct))!.ChangeSet.Status);
    }

    [Fact]
    public async Task History_lists_newest_first_with_paging_and_by_id_or_time()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero));
        var journal = _tmp.Open(clock);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ApplyAsync(journal, $"br{i}", "create"));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(ids.AsEnumerable().Reverse().Take(3), (await journal.ListAsync(3, ct: Ct)).Select(c => c.Id));
        Assert.Equal([ids[1], ids[0]], (await journal.ListAsync(10, beforeId: ids[2], ct: Ct)).Select(c => c.Id));
        Assert.Equal([ids[4], ids[3]], (await journal.ListAfterAsync(ids[2], ct: Ct)).Select(c => c.Id));
        Assert.Equal([ids[4], ids[3], ids[2]],
            (await journal.ListSinceAsync(new DateTimeOffset(2026, 11, 28, 14, 2, 0, TimeSpan.Zero), ct: Ct)).Select(c => c.Id));
    }

    [Fact]
    public async Task Long_command_output_is_truncated_with_a_note()
    {
        var journal = _tmp.Open();
        await using var lease = await journal.AcquireApplyLockAsync("x", TimeSpan.Zero, ct: Ct);
        var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("x", null), [Step("op", "x")], ct: Ct);
        var huge = new string('e', Journal.MaxOutputChars + 10);
        await journal.RecordStepAsync(id, 1, StepStatus.Failed, [Command("ovs-vsctl show", 1, huge)], ct: Ct);

        var stderr = (await journal.GetAsync(id, ct: Ct))!.Steps[0].Commands[0].StandardError;
        Assert.StartsWith(new string('e', 100), stderr);
        Assert.EndsWith("[... 10 more characters not kept]", stderr);
    }

    [Fact]
    public async Task A_change_set_serialises_to_the_json_shape_of_the_cli()
    {
        var journal = _tmp.Open();
        var id = await ApplyAsync(journal, "br0", "create");
        var cs = (await journal.GetAsync(id, ct: TestContext.Current.CancellationToken))!;

        var options = NetTui.Core.Model.SnapshotJson.Create(NetTui.Cli.Json.CliJsonContext.Default, indented: false);
        var json = NetTui.Core.Model.SnapshotJson.Serialize(cs, options);

        Assert.Contains("\"afterFacts\":{\"link/br0/exists\":\"true\"}", json);
        Assert.Contains("\"status\":\"applied\"", json);
        var back = NetTui.Core.Model.SnapshotJson.Deserialize<ChangeSetDetail>(json, options)!;
        Assert.Equal(cs.ChangeSet.AfterFacts, back.ChangeSet.AfterFacts);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
