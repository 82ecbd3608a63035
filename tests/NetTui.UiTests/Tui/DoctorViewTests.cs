using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Presentation.Doctor;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

/// <summary>The Doctor view headless: open it, select the broken gre0, give the remote, confirm, see the re-check.</summary>
[Collection(UiCollection.Name)]
public class DoctorViewTests
{
    private static readonly Finding Gre0 = new(FindingIds.OvsTunnelWithoutType, Severity.Error,
        "gre0 was added without a type, so OVS looks for a network device of that name",
        ["interface gre0 (port gre0 on obr0): error \"could not open network device gre0 (No such device)\""],
        new FixPlan("make gre0 a gre tunnel to {remote_ip}",
            [new FixStep("set the type", new CommandSpec("ovs-vsctl", ["set", "interface", "gre0", "type=gre", "options:remote_ip={remote_ip}"], CommandSpec.DefaultTimeout, false))],
            Undoable: true, Inputs: [new FixInput("remote_ip", "the underlay address of the far end", FixInputKind.IPv4Address)]),
        "gre0");

    private static readonly Finding Nm = new(FindingIds.NetworkManagerNotRunning, Severity.Info, "NetworkManager is not running", ["no system D-Bus"]);

    /// <summary>Answers at once (the panel then continues synchronously) and records the fix asked for.</summary>
    private sealed class ScriptedDoctor : IDoctorBackend
    {
        public List<(Finding Finding, IReadOnlyDictionary<string, string> Inputs)> Fixes { get; } = [];
        public IReadOnlyList<Finding> Current { get; set; } = [Gre0, Nm];
        public NetworkTarget Target => new("ntl-demo");
        public string? Explanation(string id) => id == FindingIds.OvsTunnelWithoutType ? "# Tunnel without a type\n\nadd-port without a type makes OVS look for a device." : null;
        public Task<IReadOnlyList<Finding>> DiagnoseAsync(CancellationToken ct = default) => Task.FromResult(Current);

        public Task<DoctorFixReport> FixAsync(Finding finding, IReadOnlyDictionary<string, string> inputs, CancellationToken ct = default)
        {
            Fixes.Add((finding, inputs));
            Current = [Nm];
            return Task.FromResult(new DoctorFixReport(["ok   ovs-vsctl set interface gre0 type=gre", $"Re-check: {finding.Id} is resolved."], Current));
        }
    }

    [Fact]
    public void Walking_through_the_gre0_fix_in_the_doctor_view()
    {
        var doctor = new ScriptedDoctor();
        using var s = new Screen(LabSnapshots.Lab(), width: 110, height: 40);
        s.Window.Doctor = doctor;

        s.Press(Key.F2);
        Assert.True(s.Window.DoctorVisible);
        var text = s.Text;
        Assert.Contains("1 problem found", text);
        Assert.Contains("> ERROR ovs-tunnel-without-type:gre0  [fix (asks remote_ip)]", text);
        Assert.Contains("could not open network device gre0", text);
        Assert.Contains("add-port without a type", text); // the explanation

        s.Press(Key.F);
        Assert.Contains("remote_ip: _", s.Text);
        s.Type("10.10.0.x").Press(Key.Enter);
        Assert.Contains("is not an IPv4 address", s.Text);
        s.Press(Key.Backspace).Type("2").Press(Key.Enter);
        text = s.Text;
        Assert.Contains("These commands will run:", text);
        Assert.Contains("options:remote_ip=10.10.0.2", text);
        Assert.Empty(doctor.Fixes);

        s.Press(Key.Y);
        var (finding, inputs) = Assert.Single(doctor.Fixes);
        Assert.Equal("ovs-tunnel-without-type:gre0", finding.Id);
        Assert.Equal("10.10.0.2", inputs["remote_ip"]);
        Assert.Contains("is resolved", s.Text);

        s.Press(Key.Space);
        Assert.Contains("No problems found", s.Text);
        Assert.Contains("INFO  networkmanager-not-running", s.Text);
        s.Press(Key.Esc);
        Assert.False(s.Window.DoctorVisible);
    }

    [Fact]
    public void Saying_no_changes_nothing_and_the_bang_key_opens_it_too()
    {
        var doctor = new ScriptedDoctor();
        doctor.Current = [Gre0 with { Fix = Gre0.Fix! with { Inputs = [] } }];
        using var s = new Screen(LabSnapshots.Lab(), width: 110, height: 40);
        s.Window.Doctor = doctor;
        s.Press(new Key('!'));
        Assert.True(s.Window.DoctorVisible);
        s.Press(Key.F);
        Assert.Contains("Apply this fix?", s.Text);
        s.Press(Key.N);
        Assert.Contains("nothing was changed", s.Text);
        Assert.Empty(doctor.Fixes);
        Assert.Equal(DoctorMode.List, s.Window.DoctorPanel.State.Mode);
    }

    [Fact]
    public void With_ovs_down_the_header_leads_to_the_doctor()
    {
        var snapshot = LabSnapshots.Lab();
        snapshot = snapshot with { Sources = [.. snapshot.Sources.Where(x => x.Source != Core.Model.SourceKind.Ovs), Core.Model.SourceStatus.Down(Core.Model.SourceKind.Ovs, "database connection failed", TimeSpan.Zero)] };
        using var s = new Screen(snapshot, width: 140, height: 30);
        s.Window.Doctor = new ScriptedDoctor();
        s.Window.ApplySnapshot(snapshot);
        Assert.Contains("OVS down: F2 Doctor", s.Text);
    }

    [Fact]
    public void Without_a_doctor_the_key_says_so()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 110, height: 30);
        s.Press(Key.F2);
        Assert.False(s.Window.DoctorVisible);
        Assert.Contains("Doctor is not available", s.Text);
    }
}
