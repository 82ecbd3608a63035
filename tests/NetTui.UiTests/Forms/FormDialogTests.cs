using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Values;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// The forms driven headless from their views with their keys: typing, messages as you type,
/// the preview, Apply through a recording fake of the change path, and delete confirmations.
/// </summary>
[Collection(UiCollection.Name)]
public class FormDialogTests
{
    private sealed class Recorder
    {
        public List<Operation> Applied { get; } = [];

        public Task<ChangeReport> Apply(IReadOnlyList<Operation> ops)
        {
            Applied.AddRange(ops);
            return Task.FromResult(new ChangeReport(Guid.Empty, new NetworkTarget("ntl-demo"), ChangeOutcome.Applied,
                "applied: " + string.Join(", ", ops.Select(o => o.Describe())), [], [], null, [], [], [], [], null, null));
        }
    }

    private static (Screen S, Recorder R) Open(ViewKind view, bool readOnly = false, int width = 100, int height = 40)
    {
        var s = new Screen(LabSnapshots.Lab(), width, height, readOnly);
        var r = new Recorder();
        s.Window.ApplyChanges = a => r.Apply(a.Operations);
        s.Window.ShowView(view);
        s.App.LayoutAndDraw();
        return (s, r);
    }

    private static void ClearField(Screen s)
    {
        s.Press(Key.End);
        for (var i = 0; i < 20; i++) s.Press(Key.Backspace);
    }

    [Fact]
    public void New_bridge_validates_as_you_type_previews_and_applies()
    {
        var (s, rec) = Open(ViewKind.Bridges);
        using var _ = s;
        s.Press(Key.N);
        Assert.True(s.Window.FormOpen);
        Assert.Contains("New Linux bridge", s.Text);
        Assert.Contains("ip link add name br1 type bridge", s.Text); // the default name is already valid

        ClearField(s);
        s.Type("br0;reboot");
        Assert.Contains("✗ name:", s.Text);
        Assert.DoesNotContain("ip link add", s.Text);

        ClearField(s);
        s.Type("br7");
        s.Press(Key.Tab).Type("300.1.1.1/24");
        Assert.Contains("✗ address:", s.Text);
        for (var i = 0; i < 12; i++) s.Press(Key.Backspace);
        s.Type("192.168.100.1/24");
        s.Press(Key.Tab, Key.CursorDown); // STP: off → on
        var screen = s.Text;
        Assert.DoesNotContain("✗", screen);
        Assert.Contains("ip link add name br7 type bridge stp_state 1", screen);
        Assert.Contains("192.168.100.1/24", screen);

        s.Press(Key.Enter);
        Assert.Equal([new CreateBridge("br7", "192.168.100.1/24", true)], rec.Applied);
        Assert.Contains("applied: create bridge br7", s.Text);
        ScreenCapture.Check("form-bridge-add.txt", s.Text);
        s.Press(Key.Enter);
        Assert.False(s.Window.FormOpen);
    }

    [Fact]
    public void Delete_bridge_asks_first_and_lists_what_goes_with_it()
    {
        var (s, rec) = Open(ViewKind.Bridges);
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("br0"));
        s.Press(Key.X);
        var screen = s.Text;
        Assert.Contains("Delete Linux bridge br0", screen);
        Assert.Contains("This also goes with it:", screen);
        Assert.Contains("port veth1a is detached", screen);
        Assert.Contains("container web loses its network", screen);
        Assert.Contains("ip link del dev br0", screen);
        Assert.Empty(rec.Applied); // nothing happens before the admin confirms
        s.Press(Key.Esc);
        Assert.False(s.Window.FormOpen);
        Assert.Empty(rec.Applied);

        s.Press(Key.X, Key.Enter);
        Assert.Equal([new DeleteBridge("br0")], rec.Applied);
    }

    [Fact]
    public void Attach_picks_the_bridge_and_an_interface()
    {
        var (s, rec) = Open(ViewKind.Bridges);
        using var _ = s;
        s.Window.CurrentPane.Select("docker0");
        s.Press(Key.A);
        Assert.Contains("Attach an interface to a bridge", s.Text);
        s.Press(Key.Tab);
        ClearField(s);
        s.Type("nosuch0");
        Assert.Contains("✗ interface:", s.Text);
        ClearField(s);
        s.Type("eth0");
        Assert.Contains("ip link set dev eth0 master docker0", s.Text);
        s.Press(Key.Enter);
        Assert.Equal([new AttachToBridge("docker0", "eth0")], rec.Applied);
    }

    [Fact]
    public void Ovs_gre_port_form_from_the_open_vswitch_view()
    {
        var (s, rec) = Open(ViewKind.OpenVSwitch);
        using var _ = s;
        s.Window.CurrentPane.Select("ovs:br-tun");
        s.Press(Key.A);
        Assert.Contains("New GRE port", s.Text);
        s.Press(Key.Tab, Key.Tab, Key.Tab).Type("10.10.0.9"); // past Kind, Bridge, Port
        s.Press(Key.Tab, Key.Tab).Type("abc");
        Assert.Contains("✗ key:", s.Text);
        s.Press(Key.Backspace, Key.Backspace, Key.Backspace).Type("5");
        Assert.Contains("add-port br-tun gre2", s.Text);
        s.Press(Key.Enter);
        Assert.Equal([new AddOvsGrePort("br-tun", "gre2", "10.10.0.9", null, "5")], rec.Applied);
    }

    [Fact]
    public void Route_add_from_the_routes_view()
    {
        var (s, rec) = Open(ViewKind.Routes);
        using var _ = s;
        s.Press(Key.N).Type("192.168.2.0/24");
        s.Press(Key.Tab).Type("10.0.2.3");
        s.Press(Key.Tab).Type("eth0");
        Assert.Contains("ip route add 192.168.2.0/24 via 10.0.2.3 dev eth0", s.Text);
        s.Press(Key.Enter);
        Assert.Equal([new AddRoute("192.168.2.0/24", "10.0.2.3", "eth0")], rec.Applied);
    }

    [Fact]
    public void Link_edit_sets_the_mtu()
    {
        var (s, rec) = Open(ViewKind.Interfaces);
        using var _ = s;
        s.Window.CurrentPane.Select("eth0");
        s.Press(Key.E);
        Assert.Contains("Edit link eth0", s.Text);
        s.Press(Key.Tab);
        ClearField(s);
        s.Type("9000");
        Assert.Contains("ip link set dev eth0 mtu 9000", s.Text);
        s.Press(Key.Enter);
        Assert.Equal([new SetMtu("eth0", "9000")], rec.Applied);
    }

    [Fact]
    public void Read_only_forms_show_the_commands_but_apply_nothing()
    {
        var (s, rec) = Open(ViewKind.Bridges, readOnly: true);
        using var _ = s;
        s.Press(Key.N);
        Assert.Contains("changes need root", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
        Assert.Contains("not applied: changes need root", s.Text);
    }

    [Fact]
    public void Help_lists_the_form_keys()
    {
        using var s = new Screen(LabSnapshots.Lab(), 120, 50);
        s.Press(Key.F1);
        var text = s.Text;
        Assert.Contains("new: bridge", text);
        Assert.Contains("delete the selection", text);
        Assert.Contains("edit the selected interface", text);
    }

    [Fact]
    public void Apply_failure_is_shown_in_the_form()
    {
        var (s, _) = Open(ViewKind.Bridges);
        using var __ = s;
        s.Window.ApplyChanges = _ => Task.FromResult(new ChangeReport(Guid.Empty, new NetworkTarget(null), ChangeOutcome.RolledBack,
            "failed at step 1, nothing left half-done", [], [new ValueError("name", "RTNETLINK answers: Operation not permitted")], null, [], [], [], [], null, null));
        s.Press(Key.N, Key.Enter);
        Assert.Contains("✗ failed at step 1", s.Text);
    }
}
