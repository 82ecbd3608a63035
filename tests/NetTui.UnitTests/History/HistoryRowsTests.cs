using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.Presentation.History;

namespace NetTui.UnitTests.History;

public class HistoryRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static ChangeSet Row(ChangeSetStatus status, DateTimeOffset? deadline = null, DateTimeOffset? confirmed = null) => new(
        7, Guid.NewGuid(), ChangeSetKind.Undo, status, Now.AddMinutes(-5), Now.AddMinutes(-5), 0, "root", "alice", "ntl-a", "undo #3: create bridge br0",
        3, "vm", 100, 1, FactSet.Of(("link/br0/exists", "true")), FactSet.Of(("link/br0/exists", "false")), null, deadline, confirmed, null);

    [Fact]
    public void A_row_has_id_utc_time_status_kind_user_namespace_summary()
    {
        Assert.Equal(["#7", "2026-11-28 08:55:00", "applied", "undo of #3", "root (alice)", "ntl-a", "undo #3: create bridge br0"],
            HistoryRows.Cells(HistoryRows.Of(Row(ChangeSetStatus.Applied), Now)));
    }

    [Fact]
    public void A_change_awaiting_confirmation_shows_the_seconds_left()
    {
        Assert.Equal("confirm_pending (3 s left)", HistoryRows.Status(Row(ChangeSetStatus.ConfirmPending, Now.AddSeconds(2.5)), Now));
        Assert.Equal("confirm_pending (due)", HistoryRows.Status(Row(ChangeSetStatus.ConfirmPending, Now.AddSeconds(-1)), Now));
        Assert.Equal("applied (confirmed)", HistoryRows.Status(Row(ChangeSetStatus.Applied, Now, Now.AddSeconds(-1)), Now));
    }

    [Fact]
    public void Detail_lists_changed_facts_before_and_after()
    {
        var lines = HistoryRows.Detail(new ChangeSetDetail(Row(ChangeSetStatus.Applied), []), Now).ToList();
        Assert.Contains("    link/br0/exists: true -> false", lines);
        Assert.StartsWith("#7 undo #3", lines[0], StringComparison.Ordinal);
    }
}
