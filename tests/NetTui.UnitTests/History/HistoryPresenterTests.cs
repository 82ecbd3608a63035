using System.Collections.Immutable;
using NetTui.Core.Operations;
using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.Presentation;
using NetTui.Presentation.History;

namespace NetTui.UnitTests.History;

/// <summary>The TUI's History view rows and detail, from fixture journal rows.</summary>
public class HistoryPresenterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static ChangeSet Cs(long id, ChangeSetStatus status, string summary, ChangeSetKind kind = ChangeSetKind.Change, long? reverts = null,
        DateTimeOffset? deadline = null, string? sudo = null) => new(
        id, Guid.NewGuid(), kind, status, Now.AddMinutes(-10 + id), Now.AddMinutes(-10 + id).AddSeconds(1), 0, "root", sudo, "ntl-a", summary, reverts,
        "vm", 4242, 1, FactSet.Of(("link/br0/exists", "false")), FactSet.Of(("link/br0/exists", "true"), ("link/br0/mtu", "1500")), null, deadline, null, null);

    private static JournalStep Step(int seq, string description, StepStatus status, Operation inverse, params CommandRecord[] commands) => new(
        seq, seq, "bridge.add", "{}", description, inverse.Kind, OperationJson.Serialize(inverse), status, FactSet.Empty, FactSet.Empty,
        Now, Now, null, [.. commands]);

    private static CommandRecord Cmd(string display, int exit = 0, string stderr = "") =>
        new(display, [.. display.Split(' ')], exit, "", stderr, TimeSpan.FromMilliseconds(3), Now);

    private static readonly ImmutableArray<ChangeSetDetail> Journal =
    [
        new(Cs(1, ChangeSetStatus.Undone, "create bridge br0"),
            [Step(1, "create bridge br0", StepStatus.Applied, new DeleteBridge("br0"), Cmd("ip link add br0 type bridge stp_state 0"), Cmd("ip link set br0 up"))]),
        new(Cs(2, ChangeSetStatus.Applied, "undo #1: create bridge br0", ChangeSetKind.Undo, reverts: 1, sudo: "alice"), []),
        new(Cs(3, ChangeSetStatus.Failed, "add address 10.0.0.1/24 to br9"),
            [Step(1, "add address 10.0.0.1/24 to br9", StepStatus.Failed, new RemoveAddress("br9", "10.0.0.1/24"),
                Cmd("ip addr add 10.0.0.1/24 dev br9", 1, "Cannot find device \"br9\"\n"))]),
        new(Cs(4, ChangeSetStatus.ConfirmPending, "set mtu 1400 on eth0", deadline: Now.AddSeconds(42)), []),
        new(Cs(5, ChangeSetStatus.RolledBack, "create bridge br1"), []),
        new(Cs(6, ChangeSetStatus.Pending, "create bridge br2"), []),
    ];

    [Fact]
    public void Rows_are_newest_first_with_id_time_user_namespace_status_and_summary()
    {
        var rows = HistoryPresenter.Rows(Journal, Now);
        Assert.Equal(ViewKind.History, rows.View);
        Assert.Equal(["ID", "Time (UTC)", "User", "Netns", "Status", "Summary"], rows.ColumnNames);
        Assert.Equal(["#6", "#5", "#4", "#3", "#2", "#1"], Enumerable.Range(0, rows.Count).Select(i => rows.Cell(i, 0)));
        Assert.Equal(["#6", "2026-11-28 09:56:00", "root", "ntl-a", "pending", "create bridge br2"], Enumerable.Range(0, 6).Select(c => rows.Cell(0, c)));
        Assert.Equal("root (alice)", rows.Cell(4, 2));
        Assert.Equal("#4", rows.Key(2));
        // "Roll back to here" acts on the row's change-set itself, not on its key parsed back.
        Assert.Equal(4, Assert.IsType<ChangeSetDetail>(rows.Subject(2)).ChangeSet.Id);
    }

    [Fact]
    public void Status_is_in_words_and_an_unconfirmed_change_shows_its_deadline()
    {
        var rows = HistoryPresenter.Rows(Journal, Now);
        Assert.Equal(["pending", "rolled back", "unconfirmed, rollback at 10:00:42 (42 s)", "failed", "applied", "undone"],
            Enumerable.Range(0, rows.Count).Select(i => rows.Cell(i, 4)));
        Assert.Equal("unconfirmed, rollback due since 10:00:42", HistoryPresenter.Status(Journal[3].ChangeSet, Now.AddMinutes(1)));
        Assert.Equal([RowTone.Warn, RowTone.Dim, RowTone.Warn, RowTone.Error, RowTone.Normal, RowTone.Dim],
            Enumerable.Range(0, rows.Count).Select(rows.Tone));
    }

    [Fact]
    public void Detail_shows_the_commands_with_exit_codes_and_stderr_the_inverse_and_the_facts_that_changed()
    {
        var rows = HistoryPresenter.Rows(Journal, Now);
        var failed = rows.Detail(3);
        Assert.Equal("#3 add address 10.0.0.1/24 to br9", failed.Title);
        var lines = failed.Lines().ToList();
        Assert.Contains(lines, l => l.StartsWith("status", StringComparison.Ordinal) && l.EndsWith("failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("step 1", StringComparison.Ordinal) && l.Contains("[failed]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$", StringComparison.Ordinal) && l.EndsWith("ip addr add 10.0.0.1/24 dev br9  (exit 1)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("!", StringComparison.Ordinal) && l.EndsWith("Cannot find device \"br9\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("inverse", StringComparison.Ordinal) && l.EndsWith(new RemoveAddress("br9", "10.0.0.1/24").Describe(), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fact", StringComparison.Ordinal) && l.EndsWith("link/br0/exists: false -> true", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fact", StringComparison.Ordinal) && l.EndsWith("link/br0/mtu: - -> 1500", StringComparison.Ordinal));

        var first = rows.Detail(5).Lines().ToList();
        Assert.Contains(first, l => l.EndsWith("ip link add br0 type bridge stp_state 0  (exit 0)", StringComparison.Ordinal));
        Assert.Contains(first, l => l.EndsWith("ip link set br0 up  (exit 0)", StringComparison.Ordinal));
        Assert.Contains(first, l => l.Contains("inverse", StringComparison.Ordinal) && l.EndsWith(new DeleteBridge("br0").Describe(), StringComparison.Ordinal));
        Assert.Contains(rows.Detail(4).Lines(), l => l.StartsWith("kind", StringComparison.Ordinal) && l.EndsWith("undo of #1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_inverse_that_cannot_be_read_shows_its_kind()
    {
        var step = Journal[0].Steps[0] with { InverseKind = "bridge.del", InverseParametersJson = "{ not json" };
        Assert.Equal("bridge.del", HistoryPresenter.Inverse(step));
        Assert.Null(HistoryPresenter.Inverse(step with { InverseKind = null, InverseParametersJson = null }));
    }
}
