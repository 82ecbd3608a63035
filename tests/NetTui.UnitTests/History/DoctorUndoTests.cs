using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Planning;

namespace NetTui.UnitTests.History;

/// <summary>The planner's side of undoing a Doctor fix (journal steps of kind doctor.command).</summary>
public class DoctorUndoTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 28, 14, 2, 0, TimeSpan.Zero);

    private static JournalStep Step(int seq, string json, string description, string? inverseJson = null, StepStatus status = StepStatus.Applied, string kind = DoctorUndo.StepKind) => new(
        seq, seq, kind, json, description, inverseJson is null ? null : kind, inverseJson, status, FactSet.Empty, FactSet.Empty, T, T, null, []);

    private static ChangeSetDetail Fix(params JournalStep[] steps) => new(
        new ChangeSet(12, Guid.NewGuid(), ChangeSetKind.Change, ChangeSetStatus.Applied, T, T, 0, "root", null, null, "doctor: start ovsdb-server",
            null, "host", 99, 0, FactSet.Empty, FactSet.Empty, null, null, null, null), [.. steps]);

    private static string Cmd(params string[] argv) => $$"""{"argv":[{{string.Join(",", argv.Select(a => $"\"{a}\""))}}],"environment":null,"inTargetNamespace":false}""";

    private static readonly JournalStep MakeDir = Step(1, Cmd("mkdir", "-p", "/run/ovs"), "make the run directory");
    private static readonly JournalStep StartServer = Step(3,
        """{"argv":["ovsdb-server","--detach"],"environment":null,"inTargetNamespace":true,"keptOnUndo":"starting ovsdb-server","byHand":"ovs-appctl --timeout=5 -t ovsdb-server exit"}""",
        "start ovsdb-server in the background");

    [Fact]
    public void A_fix_that_started_a_daemon_is_not_undone_and_says_how_to_by_hand()
    {
        var fix = Fix(MakeDir, Step(2, Cmd("mkdir", "-p", "/var/log/ovs"), "make the log directory"), StartServer);

        Assert.Equal("Doctor fix #12: starting ovsdb-server is not undone; stop it by hand if wanted (ovs-appctl --timeout=5 -t ovsdb-server exit)",
            DoctorUndo.NotUndone(fix));
        var (steps, refusal) = UndoPlanner.InverseSteps(fix);
        Assert.Empty(steps);
        Assert.Equal(DoctorUndo.NotUndone(fix), refusal);
    }

    [Fact]
    public void A_kept_step_that_never_ran_does_not_block_the_undo()
    {
        var fix = Fix(Step(1, Cmd("ovs-appctl", "add-remote"), "add remote", Cmd("ovs-appctl", "remove-remote")), StartServer with { Status = StepStatus.Skipped });

        Assert.Null(DoctorUndo.NotUndone(fix));
        Assert.Equal(["ovs-appctl"], UndoPlanner.InverseSteps(fix).Steps.Select(s => s.ParametersJson.Contains("remove-remote") ? "ovs-appctl" : "?"));
    }

    [Fact]
    public void A_fix_whose_steps_recorded_an_undo_runs_those_newest_first_and_leaves_the_rest()
    {
        var fix = Fix(
            MakeDir,
            Step(2, Cmd("ovs-appctl", "-t", "/run/ovs/ovsdb-server.1.ctl", "ovsdb-server/add-remote", "punix:/run/ovs/db.sock"), "add the clients' socket",
                Cmd("ovs-appctl", "-t", "/run/ovs/ovsdb-server.1.ctl", "ovsdb-server/remove-remote", "punix:/run/ovs/db.sock")));

        var (steps, refusal) = UndoPlanner.InverseSteps(fix);

        Assert.Null(refusal);
        var undo = Assert.Single(steps);
        Assert.Equal(DoctorUndo.StepKind, undo.Kind);
        Assert.Contains("remove-remote", undo.ParametersJson, StringComparison.Ordinal);
        // Its own inverse is the fix's command again: that is redo.
        Assert.Contains("add-remote", undo.InverseParametersJson, StringComparison.Ordinal);
        Assert.Equal(["make the run directory"], DoctorUndo.LeftAsTheyAre(fix).Select(s => s.Description));
    }

    [Fact]
    public void An_ordinary_change_is_not_a_doctor_fix()
    {
        var change = Fix(Step(1, """{"op":"bridge.add","name":"br0"}""", "create bridge br0", """{"op":"bridge.del","name":"br0"}""", kind: "bridge.add"));

        Assert.False(DoctorUndo.IsDoctorFix(change));
        Assert.Null(DoctorUndo.NotUndone(change));
    }
}
