using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.Presentation.Forms;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>A form's "confirm within" row: empty applies normally, seconds apply commit-confirmed.</summary>
[Collection(UiCollection.Name)]
public class ConfirmTimerFormTests
{
    private sealed class Recorder
    {
        public List<(IReadOnlyList<Operation> Ops, TimeSpan? Within)> Calls { get; } = [];
        public List<Core.Reachability.ProbeKinds> Probes { get; } = [];

        public Task<ChangeReport> Apply(FormApply a)
        {
            Probes.Add(a.Probes);
            return Apply(a.Operations, a.ConfirmWithin);
        }

        public Task<ChangeReport> Apply(IReadOnlyList<Operation> ops, TimeSpan? within)
        {
            Calls.Add((ops, within));
            return Task.FromResult(new ChangeReport(Guid.Empty, new NetworkTarget("ntl-demo"), ChangeOutcome.Applied,
                "applied: " + string.Join(", ", ops.Select(o => o.Describe())), [], [], null, [], [], [], [], null, null));
        }
    }

    private static (Screen S, Recorder R) OpenBridgeForm()
    {
        var s = new Screen(LabSnapshots.Lab(), 100, 40, readOnly: false);
        var r = new Recorder();
        s.Window.ApplyChanges = r.Apply;
        s.Window.OfferConfirmTimer = true;
        s.Window.ShowView(ViewKind.Bridges);
        s.Press(Key.N);
        return (s, r);
    }

    [Fact]
    public void Seconds_in_the_timer_row_apply_the_change_commit_confirmed()
    {
        var (s, rec) = OpenBridgeForm();
        using var _ = s;
        Assert.Contains(ConfirmTimer.Label, s.Text);
        s.Press(Key.Tab, Key.Tab, Key.Tab).Type("30"); // name, address, STP, then the timer: reachable by keyboard
        Assert.Equal(TimeSpan.FromSeconds(30), s.Window.Form!.ConfirmWithin);
        s.Press(Key.Enter);
        var (ops, within) = Assert.Single(rec.Calls);
        Assert.Equal(TimeSpan.FromSeconds(30), within);
        Assert.IsType<CreateBridge>(Assert.Single(ops));
        ScreenCapture.Check("form-confirm-timer.txt", s.Text);
    }

    [Fact]
    public void An_empty_timer_applies_normally()
    {
        var (s, rec) = OpenBridgeForm();
        using var _ = s;
        s.Press(Key.Enter);
        Assert.Null(Assert.Single(rec.Calls).Within);
    }

    [Fact]
    public void The_probes_row_goes_with_the_change_and_a_bad_probe_is_refused_under_its_row()
    {
        var (s, rec) = OpenBridgeForm();
        using var _ = s;
        Assert.Contains(ProbeRow.Label, s.Text);
        Assert.Equal(Core.Reachability.ProbeKinds.All, s.Window.Form!.Probes);
        s.Window.Form.SetProbes("wifi");
        Assert.Contains("✗ probes: 'wifi' is not a probe (gateway, dns, ssh or none)", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Calls);
        Assert.Contains("not applied: probes:", s.Window.Form.ResultText);

        s.Window.Form.SetProbes("gateway,ssh");
        s.Press(Key.Enter);
        Assert.Single(rec.Calls);
        Assert.Equal(Core.Reachability.ProbeKinds.Gateway | Core.Reachability.ProbeKinds.Ssh, Assert.Single(rec.Probes));
    }

    [Fact]
    public void A_bad_timer_is_refused_under_its_row_and_nothing_is_applied()
    {
        var (s, rec) = OpenBridgeForm();
        using var _ = s;
        s.Window.Form!.SetConfirmWithin("soon");
        Assert.Contains("✗ confirm within: 'soon' is not a number of seconds", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Calls);
        Assert.Contains("not applied: confirm within", s.Window.Form.ResultText);
    }

    [Fact]
    public void Without_a_timer_path_the_form_has_no_timer_row()
    {
        var s = new Screen(LabSnapshots.Lab(), 100, 40, readOnly: false);
        using var _ = s;
        s.Window.ApplyChanges = a => new Recorder().Apply(a.Operations, null);
        s.Window.ShowView(ViewKind.Bridges);
        s.Press(Key.N);
        Assert.DoesNotContain(ConfirmTimer.Label, s.Text);
        Assert.Null(s.Window.Form!.ConfirmWithin);
    }

    [Theory]
    [InlineData("", null, false)]
    [InlineData("  ", null, false)]
    [InlineData("30", 30, false)]
    [InlineData("30s", 30, false)]
    [InlineData("86400", 86400, false)]
    [InlineData("0", null, true)]
    [InlineData("86401", null, true)]
    [InlineData("-5", null, true)]
    [InlineData("1e3", null, true)]
    [InlineData("$(id)", null, true)]
    public void The_timer_field_parses_seconds_like_confirm_within(string text, int? seconds, bool error)
    {
        var (within, why) = ConfirmTimer.Parse(text);
        Assert.Equal(seconds is { } n ? TimeSpan.FromSeconds(n) : null, within);
        Assert.Equal(error, why is not null);
    }
}
