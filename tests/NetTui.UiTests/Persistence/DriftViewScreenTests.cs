using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Persistence;

/// <summary>The Drift view and the `p` key driven headless: keys in, screen text out, Apply through a recording fake.</summary>
[Collection(UiCollection.Name)]
public class DriftViewScreenTests
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

    [Fact]
    public void Key_7_shows_the_Drift_view_with_each_difference_and_its_fix_in_the_detail()
    {
        using var s = new Screen(PersistedLab.Snapshot(), 160, 40);
        s.Press(Key.D7);
        Assert.Equal(ViewKind.Drift, s.Window.CurrentView);
        var text = s.Text;
        Assert.Contains("Drift", text);
        Assert.Contains("device missing", text);
        Assert.Contains("profile nettui-br5 builds br5 at boot", text);
        Assert.Contains("runtime bridge", text);
        Assert.Contains("runtime address", text);

        Assert.True(s.Window.CurrentPane.Select(DriftPresenter.Key(new DriftItem(DriftKind.RuntimeBridge, "br9", ""))));
        s.App.LayoutAndDraw();
        Assert.Contains("make it persistent (p, or nettui persist make", s.Text); // the fix, in the detail pane
        s.Press(Key.Enter); // jump to the interface
        Assert.Equal(ViewKind.Interfaces, s.Window.CurrentView);
        Assert.Equal("br9", s.Window.CurrentPane.State.SelectedKey);
    }

    [Fact]
    public void Interfaces_view_shows_the_Boot_column()
    {
        using var s = new Screen(PersistedLab.Snapshot(), 100, 30);
        var header = s.Lines.First(l => l.Contains("Name") && l.Contains("Kind"));
        Assert.Contains("Boot", header);
        Assert.Contains(s.Lines, l => l.Contains("br0") && l.Contains("NM:nettui-br0"));
        Assert.Contains(s.Lines, l => l.Contains("br9") && l.Contains("lost"));
    }

    [Fact]
    public void P_on_a_runtime_bridge_in_Drift_opens_make_persistent_previews_the_profile_and_applies_MakePersistent()
    {
        using var s = new Screen(PersistedLab.Snapshot(), 120, 40, readOnly: false);
        var rec = new Recorder();
        s.Window.ApplyChanges = a => rec.Apply(a.Operations);
        s.Press(Key.D7);
        Assert.True(s.Window.CurrentPane.Select(DriftPresenter.Key(new DriftItem(DriftKind.RuntimeBridge, "br9", ""))));
        s.Press(Key.P);
        Assert.True(s.Window.FormOpen);
        var text = s.Text;
        Assert.Contains("Make br9 persistent", text);
        Assert.Contains("NetworkManager:", text); // the D-Bus actions, before Apply
        Assert.Contains("nettui-br9", text);

        s.Press(Key.Enter);
        var op = Assert.IsType<MakePersistent>(Assert.Single(rec.Applied));
        Assert.Equal("br9", op.Interface);
        Assert.Contains("applied: make br9 persistent", s.Text);
    }

    [Fact]
    public void P_on_a_persisted_interface_says_why_not_and_opens_nothing()
    {
        using var s = new Screen(PersistedLab.Snapshot(), 120, 30, readOnly: false);
        Assert.True(s.Window.CurrentPane.Select("br0"));
        s.Press(Key.P);
        Assert.False(s.Window.FormOpen);
        Assert.Contains("br0 already persists", s.Lines[0] + s.Lines[1]);
        s.Press(Key.D4); // Routes: p does not apply there
        s.Press(Key.P);
        Assert.False(s.Window.FormOpen);
    }
}
