using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.History;

/// <summary>
/// The History view headless, over a real SQLite journal: rows and detail from the journal,
/// `u`/`o`/`y` show the plan and revert through the CLI's code only after `y`, drift stops a
/// revert, and a change-set left pending by a crashed run is offered for rollback at start.
/// </summary>
[Collection(UiCollection.Name)]
public class HistoryViewTests
{
    /// <summary>The History view's number key (it follows the enum, so a view added before it moves it).</summary>
    private static Key HistoryKey => new((char)('1' + (int)ViewKind.History)); // a new Key each time: a pressed Key is marked handled

    private static Screen Open(HistoryLab lab, out Screen s, int width = 120, int height = 40)
    {
        s = lab.Screen(width, height);
        var screen = s;
        s.Press(HistoryKey);
        Assert.Equal(ViewKind.History, s.Window.CurrentView);
        lab.Until(s, () => screen.Window.Pane(ViewKind.History).Rows is { Count: > 0 }, "the history rows");
        return s;
    }

    [Fact]
    public void The_view_lists_change_sets_newest_first_and_details_the_selected_one()
    {
        using var lab = new HistoryLab();
        lab.Apply(new CreateBridge("hv0"));
        lab.Apply(new CreateBridge("hv1"));
        // Wide: the detail pane sits beside the table, one attribute per line.
        using var s = Open(lab, out _, width: 170, height: 45);

        var text = s.Text;
        Assert.Contains("History", text);
        Assert.Contains("Status", text);
        var lines = s.Lines;
        var second = Array.FindIndex(lines, l => l.Contains("│#2 ", StringComparison.Ordinal) && l.Contains("create bridge hv1", StringComparison.Ordinal));
        var first = Array.FindIndex(lines, l => l.Contains("│#1 ", StringComparison.Ordinal) && l.Contains("create bridge hv0", StringComparison.Ordinal));
        Assert.True(second >= 0 && first > second, "newest first:\n" + text);
        Assert.True(lines[second].Contains(HistoryLab.Netns, StringComparison.Ordinal), text);
        Assert.Contains("applied", lines[second]);
        // The detail of the selected (newest) entry: its commands with exit codes, and the inverse.
        Assert.Contains("ip link add name hv1 type bridge stp_state 0  (exit 0)", text);
        Assert.Contains(new DeleteBridge("hv1").Describe(), text);
        Assert.Contains("link/hv1/exists: false -> true", text);
        // `d`: the same detail in full.
        s.Press(Key.D);
        Assert.Contains("#2 create bridge hv1", s.Text);
        Assert.Contains("ip link set dev hv1 up  (exit 0)", s.Text);
        s.Press(Key.Esc);
        // The History keys are in the status bar here.
        Assert.Contains("Undo", s.Lines[^1]);
        Assert.Contains("Redo", s.Lines[^1]);
    }

    [Fact]
    public void U_shows_the_undo_plan_and_runs_it_only_after_y_then_redo_brings_it_back()
    {
        using var lab = new HistoryLab();
        var id = lab.Apply(new CreateBridge("hv0"));
        using var s = Open(lab, out _);
        lab.Host.Ran.Clear();

        s.Press(Key.U);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Confirm, "the undo plan");
        var plan = s.Text;
        Assert.Contains("Undo the newest change", plan);
        Assert.Contains($"undo #{id}: create bridge hv0", plan);
        Assert.Contains("ip link del dev hv0", plan);
        Assert.Empty(lab.Host.Ran); // a plan only: nothing ran
        Assert.Equal(ChangeSetStatus.Applied, lab.Get(id).ChangeSet.Status);

        s.Press(Key.Y);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Result, "the undo to finish");
        Assert.Contains("done as #2", s.Text);
        Assert.Contains("ip link del dev hv0", lab.Host.Ran);
        Assert.False(lab.Host.Has("hv0"));
        Assert.Equal(ChangeSetStatus.Undone, lab.Get(id).ChangeSet.Status);
        var undo = lab.Get(2).ChangeSet;
        Assert.Equal((ChangeSetKind.Undo, id, ChangeSetStatus.Applied), (undo.Kind, undo.RevertsId!.Value, undo.Status));

        s.Press(Key.Space); // closes the result
        Assert.False(s.Window.HistoryOverlay.Visible);
        lab.Until(s, () => s.Window.Pane(ViewKind.History).Rows is { Count: 2 }, "the reloaded history");
        Assert.Contains("undone", s.Text);

        s.Press(Key.Y);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Confirm, "the redo plan");
        Assert.Contains("ip link add name hv0 type bridge", s.Text);
        s.Press(Key.Y);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Result, "the redo to finish");
        Assert.True(lab.Host.Has("hv0"));
        Assert.Equal(ChangeSetStatus.Undone, lab.Get(2).ChangeSet.Status);
    }

    [Fact]
    public void O_rolls_back_to_the_selected_entry_and_esc_changes_nothing()
    {
        using var lab = new HistoryLab();
        var first = lab.Apply(new CreateBridge("hv0"));
        var second = lab.Apply(new CreateBridge("hv1"));
        var third = lab.Apply(new CreateBridge("hv2"));
        using var s = Open(lab, out _);
        lab.Host.Ran.Clear();

        s.Press(Key.CursorDown, Key.CursorDown); // #1
        Assert.Equal("#1", s.Window.Pane(ViewKind.History).State.SelectedKey);
        s.Press(Key.O);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Confirm, "the rollback plan");
        var plan = s.Text;
        Assert.Contains($"Roll back to #{first}", plan);
        Assert.True(plan.IndexOf($"rollback #{third}", StringComparison.Ordinal) < plan.IndexOf($"rollback #{second}", StringComparison.Ordinal), plan);
        Assert.Contains("ip link del dev hv2", plan);
        Assert.Contains("ip link del dev hv1", plan);
        Assert.DoesNotContain("ip link del dev hv0", plan);

        s.Press(Key.Esc);
        Assert.False(s.Window.HistoryOverlay.Visible);
        Assert.Contains("nothing was changed", s.Text);
        Assert.Empty(lab.Host.Ran);

        s.Press(Key.O);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Confirm, "the rollback plan again");
        s.Press(Key.Y);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Result, "the rollback to finish");
        Assert.Equal(["ip link del dev hv2", "ip link del dev hv1"], lab.Host.Ran.Where(c => c.StartsWith("ip link del", StringComparison.Ordinal)));
        Assert.Equal(ChangeSetStatus.RolledBack, lab.Get(third).ChangeSet.Status);
        Assert.Equal(ChangeSetStatus.RolledBack, lab.Get(second).ChangeSet.Status);
        Assert.Equal(ChangeSetStatus.Applied, lab.Get(first).ChangeSet.Status);
        Assert.True(lab.Host.Has("hv0"));
    }

    [Fact]
    public void A_host_changed_since_stops_the_undo_with_the_differences_and_nothing_is_clobbered()
    {
        using var lab = new HistoryLab();
        var id = lab.Apply(new CreateBridge("hv0"));
        using var s = Open(lab, out _);
        lab.Host.SetMtu("hv0", 1400); // by hand, outside NetTui
        lab.Host.Ran.Clear();

        s.Press(Key.U);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Confirm, "the undo plan");
        s.Press(Key.Y);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Drift, "the drift report");
        var text = s.Text;
        Assert.Contains($"the host changed since #{id}", text);
        Assert.Contains("link/hv0/mtu: expected 1500, actual 1400", text);
        Assert.Contains("revert anyway", text);
        Assert.DoesNotContain("ip link del dev hv0", lab.Host.Ran);
        Assert.True(lab.Host.Has("hv0"));
        Assert.Equal(ChangeSetStatus.Applied, lab.Get(id).ChangeSet.Status);

        s.Press(Key.Esc);
        Assert.False(s.Window.HistoryOverlay.Visible);
        Assert.True(lab.Host.Has("hv0"));
        Assert.Equal(ChangeSetStatus.Applied, lab.Get(id).ChangeSet.Status);
    }

    [Fact]
    public void Forcing_past_drift_reverts_like_the_cli_force_option()
    {
        using var lab = new HistoryLab();
        var id = lab.Apply(new CreateBridge("hv0"));
        using var s = Open(lab, out _);
        lab.Host.SetMtu("hv0", 1400);

        s.Press(Key.U);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Confirm, "the undo plan");
        s.Press(Key.Y);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Drift, "the drift report");
        s.Press(Key.F);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Result, "the forced undo");
        Assert.False(lab.Host.Has("hv0"));
        Assert.Equal(ChangeSetStatus.Undone, lab.Get(id).ChangeSet.Status);
    }

    [Fact]
    public void Nothing_to_undo_is_said_in_the_overlay()
    {
        using var lab = new HistoryLab();
        using var s = lab.Screen();
        s.Press(HistoryKey, Key.U);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Result, "the refusal");
        Assert.Contains("nothing to undo", s.Text);
        s.Press(Key.Enter);
        Assert.False(s.Window.HistoryOverlay.Visible);
    }

    [Fact]
    public void At_start_a_change_left_pending_by_a_crash_is_described_and_r_rolls_it_back()
    {
        using var lab = new HistoryLab();
        var id = lab.Crash("hv9");
        using var s = lab.Screen();
        s.Window.StartHistory();
        lab.Until(s, () => s.Window.HistoryOverlay is { Visible: true, Mode: HistoryOverlayMode.Crash }, "the crash question");
        var text = s.Text;
        Assert.Contains("A change was left half-done", text);
        Assert.Contains($"#{id} create bridge hv9 with mtu 1400: 1 of 2 step(s) applied; 1 step(s) not started", text);
        Assert.Contains("r    roll back", text);
        Assert.Contains("Esc  leave it", text);
        Assert.Contains("f    finish the remaining steps", text);

        s.Press(Key.R);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Result, "the rollback of the crashed change");
        Assert.True(lab.Host.Ran.Contains("ip link del dev hv9"), s.Text);
        Assert.False(lab.Host.Has("hv9"));
        Assert.Equal(ChangeSetStatus.RolledBack, lab.Get(id).ChangeSet.Status);
    }

    [Fact]
    public void Esc_leaves_the_crashed_change_pending_and_the_question_is_not_asked_again()
    {
        using var lab = new HistoryLab();
        var id = lab.Crash("hv9");
        using var s = lab.Screen();
        s.Window.StartHistory();
        lab.Until(s, () => s.Window.HistoryOverlay is { Visible: true, Mode: HistoryOverlayMode.Crash }, "the crash question");
        s.Press(Key.Esc);
        Assert.False(s.Window.HistoryOverlay.Visible);
        Assert.Contains("left pending", s.Text);
        Assert.Equal(ChangeSetStatus.Pending, lab.Get(id).ChangeSet.Status);
        Assert.True(lab.Host.Has("hv9"));

        s.Press(HistoryKey);
        lab.Until(s, () => s.Window.Pane(ViewKind.History).Rows is { Count: 1 }, "the history rows");
        Assert.False(s.Window.HistoryOverlay.Visible);
        Assert.Contains("pending", s.Text);
    }

    [Fact]
    public void F_finishes_the_crashed_change_through_the_shared_finish()
    {
        using var lab = new HistoryLab();
        var id = lab.Crash("hv9");
        using var s = lab.Screen();
        s.Window.StartHistory();
        lab.Until(s, () => s.Window.HistoryOverlay is { Visible: true, Mode: HistoryOverlayMode.Crash }, "the crash question");
        s.Press(Key.F);
        lab.Until(s, () => s.Window.HistoryOverlay.Mode == HistoryOverlayMode.Result, "the finish");
        Assert.True(s.Text.Contains($"finish #{id}", StringComparison.Ordinal), s.Text);
        Assert.Contains("ip link set dev hv9 mtu 1400", lab.Host.Ran);
        Assert.True(lab.Host.Has("hv9"));
        Assert.Equal(ChangeSetStatus.Applied, lab.Get(id).ChangeSet.Status);
    }
}
