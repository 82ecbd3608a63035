using System.Drawing;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Testing;

namespace NetTui.UiTests.Tui;

[Collection(UiCollection.Name)]
public class MouseTests
{
    private static Point Find(Screen s, string text)
    {
        var lines = s.Lines;
        for (int y = 0; y < lines.Length; y++)
            if (lines[y].IndexOf(text, StringComparison.Ordinal) is var x and >= 0) return new Point(x + 1, y);
        throw new Xunit.Sdk.XunitException($"\"{text}\" is not on the screen");
    }

    private static void Click(Screen s, Point p)
    {
        s.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(p));
        s.App.LayoutAndDraw();
    }

    [Fact]
    public void Clicking_a_row_selects_it_and_clicking_a_tab_shows_that_view()
    {
        using var s = new Screen(LabSnapshots.Lab());
        Click(s, Find(s, "veth2a"));
        Assert.Equal("veth2a", s.Window.CurrentPane.State.SelectedKey);
        Assert.Contains("Interface veth2a", s.Text);

        Click(s, Find(s, "Routes"));
        Assert.Equal(ViewKind.Routes, s.Window.CurrentView);
    }

    [Fact]
    public void Clicking_a_status_bar_key_runs_it()
    {
        using var s = new Screen(LabSnapshots.Lab());
        Click(s, Find(s, "Help"));
        Assert.True(s.Window.OverlayVisible);
        Assert.Contains("Help: keys", s.Text);
    }
}
