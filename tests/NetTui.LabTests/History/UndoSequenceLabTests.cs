using NetTui.History.Journaling;
using NetTui.LabTests.Operations;

namespace NetTui.LabTests.History;

/// <summary>
/// Issue 5's "done when": ten mixed changes (Linux bridges, an OVS bridge and ports, OVS GRE,
/// routes, an MTU, an address) through nettui, then undo 3, then rollback to the start: the
/// namespace equals the snapshot taken before, compared field by field (<see cref="SnapshotShape"/>:
/// ignoring counters, operstate, ifindexes/MACs and the kernel's IPv6 link-local addresses, which
/// a recreated device gets anew); redo brings all ten back.
/// </summary>
public sealed class UndoSequenceLabTests
{
    private static readonly string[][] Changes =
    [
        ["bridge", "add", "br0", "--address", "192.168.1.1/24"],
        ["ovs", "bridge", "add", "obr0", "--datapath", "netdev"],
        ["bridge", "attach", "br0", "obr0"],
        ["ovs", "gre", "add", "obr0", "gre0", "--remote", "10.10.0.2"],
        ["route", "add", "192.168.2.0/24", "--dev", "br0"],
        ["bridge", "add", "br1", "--address", "10.20.0.1/24"],
        ["link", "set", "br1", "mtu", "1400"],
        ["route", "add", "10.30.0.0/24", "--via", "10.20.0.254"],
        ["address", "add", "br0", "192.168.1.2/24"],
        ["ovs", "gre", "add", "obr0", "gre1", "--remote", "10.10.0.3", "--key", "42"],
    ];

    [Fact]
    public async Task Ten_changes_undo_three_rollback_to_the_start_then_redo_all()
    {
        await using var h = await HistoryLab.CreateAsync(ovs: true);
        var start = await h.ReadAsync();

        var after = new List<NetTui.Core.Model.HostSnapshot>();
        foreach (var change in Changes)
        {
            await h.OkAsync(change);
            after.Add(await h.ReadAsync());
        }
        var journal = h.Journal;
        Assert.Equal(10, (await journal.ListAllAsync(TestContext.Current.CancellationToken)).Count(cs => cs.Status == ChangeSetStatus.Applied));

        var undo = await h.OkAsync("undo", "--steps", "3", "--yes");
        // The commands are shown before they run (the inverses of the last three changes).
        Assert.Contains("del-port obr0 gre1", undo, StringComparison.Ordinal);
        Assert.Contains("ip addr del 192.168.1.2/24 dev br0", undo, StringComparison.Ordinal);
        SnapshotShape.Equal(after[6], await h.ReadAsync(), "after undo 3");

        await h.OkAsync("rollback", "--to", "0", "--yes");
        SnapshotShape.Equal(start, await h.ReadAsync(), "after rollback to the start");
        var rows = await journal.ListAllAsync(TestContext.Current.CancellationToken);
        Assert.All(rows.Where(cs => cs.Kind == ChangeSetKind.Change), cs => Assert.True(
            cs.Status is ChangeSetStatus.Undone or ChangeSetStatus.RolledBack, $"#{cs.Id} {cs.Summary} is {cs.Status}"));
        Assert.Equal(3, rows.Count(cs => cs.Kind == ChangeSetKind.Undo));
        Assert.Equal(7, rows.Count(cs => cs.Kind == ChangeSetKind.Rollback));

        await h.OkAsync("redo", "--steps", "10", "--yes");
        SnapshotShape.Equal(after[9], await h.ReadAsync(), "after redo 10");

        var final = await journal.ListAllAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(final, cs => cs.Status is ChangeSetStatus.Pending or ChangeSetStatus.Failed);
        Assert.Equal("ok", await journal.IntegrityCheckAsync(TestContext.Current.CancellationToken));

        // Every journaled step carries the commands it ran and an inverse; the history lists them.
        var first = await journal.GetAsync(1, TestContext.Current.CancellationToken);
        Assert.Equal("bridge.del", Assert.Single(first!.Steps).InverseKind);
        Assert.Contains(first.Steps[0].Commands, c => c.Display.StartsWith("ip link add name br0", StringComparison.Ordinal) && c.ExitCode == 0);
        Assert.Contains("rollback of #", await h.OkAsync("history", "--limit", "40"), StringComparison.Ordinal);
    }
}
