using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Planning;

namespace NetTui.UnitTests.History;

/// <summary>Pure planning over journal rows built in memory.</summary>
public class UndoPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);

    /// <summary>An in-memory journal: rows are appended as the executor would write them.</summary>
    private sealed class Rows
    {
        public List<ChangeSet> All { get; } = [];

        public long Add(ChangeSetKind kind = ChangeSetKind.Change, ChangeSetStatus status = ChangeSetStatus.Applied, long? reverts = null,
            string? summary = null, string? ns = "lab")
        {
            var id = All.Count + 1;
            All.Add(new ChangeSet(id, Guid.NewGuid(), kind, status, T0.AddMinutes(id), T0.AddMinutes(id), 0, "root", null, ns,
                summary ?? $"change {id}", reverts, "host", 1, 0, FactSet.Empty, FactSet.Of(($"link/c{id}/exists", "true")), null, null, null, null));
            return id;
        }

        public void Set(long id, ChangeSetStatus status) => All[(int)id - 1] = All[(int)id - 1] with { Status = status };

        /// <summary>Apply a plan the way the executor does: a revert change-set per item, marking its target.</summary>
        public void Execute(UndoPlan plan)
        {
            Assert.True(plan.CanProceed, plan.Refusal);
            foreach (var r in plan.Reverts)
            {
                Add(r.RevertKind, reverts: r.Target.Id, summary: r.Summary, ns: r.Target.Namespace);
                Set(r.Target.Id, r.RevertKind == ChangeSetKind.Rollback ? ChangeSetStatus.RolledBack : ChangeSetStatus.Undone);
            }
        }

        /// <summary>Which original changes are in effect: the net result the host should show.</summary>
        public IEnumerable<long> InEffect()
        {
            var effective = new HashSet<long>();
            foreach (var cs in All.Where(c => c.Status is ChangeSetStatus.Applied or ChangeSetStatus.Undone or ChangeSetStatus.RolledBack))
            {
                if (cs.Kind == ChangeSetKind.Change) effective.Add(cs.Id);
                else if (cs.Kind is ChangeSetKind.Undo or ChangeSetKind.Rollback) effective.Remove(Original(cs.RevertsId!.Value));
                else effective.Add(Original(cs.RevertsId!.Value));
            }
            return effective.Order();
        }

        // The change a chain of undo/redo ultimately refers to.
        private long Original(long id)
        {
            var cs = All[(int)id - 1];
            return cs.Kind == ChangeSetKind.Change ? cs.Id : Original(cs.RevertsId!.Value);
        }
    }

    private static Rows TenChanges()
    {
        var rows = new Rows();
        for (var i = 0; i < 10; i++) rows.Add();
        return rows;
    }

    [Fact]
    public void Undo_3_of_10_reverts_the_three_newest_newest_first()
    {
        var rows = TenChanges();

        var plan = UndoPlanner.PlanUndo(rows.All, 3);

        Assert.Equal([10L, 9L, 8L], plan.Reverts.Select(r => r.Target.Id));
        Assert.All(plan.Reverts, r => Assert.Equal(ChangeSetKind.Undo, r.RevertKind));
        Assert.Equal("true", plan.Reverts[0].ExpectedFacts["link/c10/exists"]);
        rows.Execute(plan);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), rows.InEffect());
    }

    [Fact]
    public void Undo_skips_change_sets_already_undone_and_failed_ones()
    {
        var rows = TenChanges();
        rows.Execute(UndoPlanner.PlanUndo(rows.All, 2)); // undoes 10, 9 as #11, #12
        rows.Add(status: ChangeSetStatus.Failed);         // #13 changed nothing

        var plan = UndoPlanner.PlanUndo(rows.All, 2);

        Assert.Equal([8L, 7L], plan.Reverts.Select(r => r.Target.Id));
    }

    [Fact]
    public void Undo_of_more_than_there_is_is_refused_and_nothing_is_a_clear_no()
    {
        var rows = new Rows();
        Assert.Equal("nothing to undo", UndoPlanner.PlanUndo(rows.All, 1).Refusal);

        rows.Add();
        rows.Add();
        var plan = UndoPlanner.PlanUndo(rows.All, 5);
        Assert.False(plan.CanProceed);
        Assert.Empty(plan.Reverts);
        Assert.Equal("only 2 change-set(s) can be undone, 5 requested", plan.Refusal);
        Assert.NotNull(UndoPlanner.PlanUndo(rows.All, 0).Refusal);
    }

    [Fact]
    public void Rollback_to_an_id_reverts_everything_after_it_still_in_effect()
    {
        var rows = TenChanges();
        rows.Execute(UndoPlanner.PlanUndo(rows.All, 3)); // 10, 9, 8 undone

        var plan = UndoPlanner.PlanRollbackTo(rows.All, 4);

        Assert.Equal([7L, 6L, 5L], plan.Reverts.Select(r => r.Target.Id));
        Assert.All(plan.Reverts, r => Assert.Equal(ChangeSetKind.Rollback, r.RevertKind));
        rows.Execute(plan);
        Assert.Equal([1L, 2L, 3L, 4L], rows.InEffect());
    }

    [Fact]
    public void Rollback_to_the_start_then_redo_brings_everything_back_in_order()
    {
        var rows = TenChanges();
        rows.Execute(UndoPlanner.PlanUndo(rows.All, 3));
        rows.Execute(UndoPlanner.PlanRollbackTo(rows.All, 0));
        Assert.Empty(rows.InEffect());

        var redo = UndoPlanner.PlanRedo(rows.All, 10);

        // The most recently undone first: change 1 comes back first, change 10 last.
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), redo.Reverts.Select(r => r.Target.RevertsId!.Value));
        rows.Execute(redo);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), rows.InEffect());
    }

    [Fact]
    public void Rollback_to_a_time_reverts_what_was_created_since()
    {
        var rows = TenChanges(); // change n created at 14:0n

        var plan = UndoPlanner.PlanRollbackSince(rows.All, T0.AddMinutes(8));

        Assert.Equal([10L, 9L, 8L], plan.Reverts.Select(r => r.Target.Id));
        Assert.NotNull(UndoPlanner.PlanRollbackSince(rows.All, T0.AddHours(1)).Refusal);
    }

    [Fact]
    public void Rollback_to_an_unknown_id_is_refused()
    {
        var rows = TenChanges();
        Assert.Equal("there is no change-set #42", UndoPlanner.PlanRollbackTo(rows.All, 42).Refusal);
        Assert.Equal("nothing to roll back after #10", UndoPlanner.PlanRollbackTo(rows.All, 10).Refusal);
    }

    [Fact]
    public void Redo_after_undo_reverts_the_undo_and_can_itself_be_undone()
    {
        var rows = TenChanges();
        rows.Execute(UndoPlanner.PlanUndo(rows.All, 1)); // #11 undoes 10

        var redo = UndoPlanner.PlanRedo(rows.All, 1);
        Assert.Equal(11L, Assert.Single(redo.Reverts).Target.Id);
        Assert.Equal(ChangeSetKind.Redo, redo.Reverts[0].RevertKind);
        rows.Execute(redo);                               // #12 redoes 10
        Assert.Contains(10L, rows.InEffect());
        Assert.Equal("nothing to redo", UndoPlanner.PlanRedo(rows.All, 1).Refusal);

        var undoAgain = UndoPlanner.PlanUndo(rows.All, 1);
        Assert.Equal(12L, Assert.Single(undoAgain.Reverts).Target.Id);
    }

    [Fact]
    public void A_new_change_after_an_undo_ends_the_redo_stack()
    {
        var rows = TenChanges();
        rows.Execute(UndoPlanner.PlanUndo(rows.All, 2));
        rows.Add(); // a new change

        var redo = UndoPlanner.PlanRedo(rows.All, 1);

        Assert.False(redo.CanProceed);
        Assert.Contains("made after the last undo", redo.Refusal);
    }

    [Theory]
    [InlineData(ChangeSetStatus.Pending, "still pending")]
    [InlineData(ChangeSetStatus.ConfirmPending, "awaits confirmation")]
    [InlineData(ChangeSetStatus.ConfirmExpired, "missed its confirmation deadline")]
    public void An_unfinished_change_set_blocks_undo_redo_and_rollback(ChangeSetStatus open, string why)
    {
        var rows = TenChanges();
        rows.Execute(UndoPlanner.PlanUndo(rows.All, 1));
        rows.Add(status: open);

        Assert.Contains(why, UndoPlanner.PlanUndo(rows.All, 1).Refusal);
        Assert.Contains(why, UndoPlanner.PlanRedo(rows.All, 1).Refusal);
        Assert.Contains(why, UndoPlanner.PlanRollbackTo(rows.All, 0).Refusal);
        Assert.Contains(why, UndoPlanner.PlanRollbackSince(rows.All, T0).Refusal);
    }

    [Fact]
    public void Inverse_steps_reverse_the_applied_steps_and_keep_the_forward_step_for_redo()
    {
        var cs = new Rows();
        cs.Add();
        var detail = new ChangeSetDetail(cs.All[0], [
            Step(1, "bridge-add", StepStatus.Applied), Step(2, "address-add", StepStatus.Applied), Step(3, "link-up", StepStatus.Skipped)]);

        var (steps, refusal) = UndoPlanner.InverseSteps(detail);

        Assert.Null(refusal);
        Assert.Equal(["un-address-add", "un-bridge-add"], steps.Select(s => s.Kind));
        Assert.Equal("address-add", steps[0].InverseKind);
        Assert.Equal("{\"seq\":2}", steps[0].InverseParametersJson);

        var irreversible = detail with { Steps = [Step(1, "docker-bridge", StepStatus.Applied) with { InverseKind = null }] };
        Assert.Contains("cannot be reversed", UndoPlanner.InverseSteps(irreversible).Refusal);
    }

    [Fact]
    public void A_namespace_scope_only_reverts_that_namespaces_changes()
    {
        var rows = new Rows();
        rows.Add(ns: "lab");   // 1
        rows.Add(ns: null);    // 2 host
        rows.Add(ns: "lab");   // 3
        rows.Add(ns: "other"); // 4
        var lab = NamespaceScope.Only("lab");

        Assert.Equal([3L, 1L], UndoPlanner.PlanUndo(rows.All, 2, lab).Reverts.Select(r => r.Target.Id));
        Assert.Equal([2L], UndoPlanner.PlanUndo(rows.All, 1, NamespaceScope.HostNamespace).Reverts.Select(r => r.Target.Id));
        Assert.Equal([3L], UndoPlanner.PlanRollbackTo(rows.All, 1, lab).Reverts.Select(r => r.Target.Id));
        Assert.Equal([4L, 3L, 2L], UndoPlanner.PlanRollbackTo(rows.All, 1).Reverts.Select(r => r.Target.Id));

        rows.Execute(UndoPlanner.PlanUndo(rows.All, 1, lab)); // #5 undoes 3 in lab
        rows.Add(ns: "other");                                // a change elsewhere does not end lab's redo stack
        Assert.Equal(5L, Assert.Single(UndoPlanner.PlanRedo(rows.All, 1, lab).Reverts).Target.Id);
        Assert.False(UndoPlanner.PlanRedo(rows.All, 1).CanProceed);
    }

    private static JournalStep Step(int seq, string kind, StepStatus status) => new(
        seq, seq, kind, $"{{\"seq\":{seq}}}", kind, "un-" + kind, $"{{\"unseq\":{seq}}}", status,
        FactSet.Empty, FactSet.Empty, null, null, null, []);
}
