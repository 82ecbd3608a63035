using NetTui.Core.Model;
using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.UiTests.Perf;

/// <summary>
/// What keeps keypresses and live updates cheap (issue 9): a redraw costs Terminal.Gui per
/// cell drawn, so an update draws the table on screen only, never the five tables of the
/// other tabs (Tabs keeps them all visible, overlapped), and a header change draws no table.
/// Counted with each table's DrawComplete in the headless driver.
/// </summary>
[Collection(UiCollection.Name)]
public class RedrawScopeTests
{
    private sealed class Counter
    {
        private readonly Dictionary<TableView, int> _draws = [];
        public Counter(MainWindow w)
        {
            foreach (var kind in Enum.GetValues<ViewKind>())
            {
                var table = w.Pane(kind).Table;
                _draws[table] = 0;
                table.DrawComplete += (_, _) => _draws[table]++;
            }
        }
        public int Total => _draws.Values.Sum();
        public void Reset() { foreach (var k in _draws.Keys.ToList()) _draws[k] = 0; }
        public int Of(TableView t) => _draws[t];
    }

    private static Screen Big() => new(LabSnapshots.Big(2000, 2000), 120, 40, readOnly: false);

    [Fact]
    public void A_live_update_draws_only_the_table_on_screen()
    {
        using var s = Big();
        var draws = new Counter(s.Window);
        var snap = s.Window.Snapshot;
        s.Window.ApplySnapshot(snap with { TakenAt = snap.TakenAt.AddSeconds(1), Links = snap.Links.Add(LabSnapshots.LabWithNewLink("x").FindLink("x")! with { Index = 5000 }) });
        s.App.LayoutAndDraw();

        Assert.Equal(1, draws.Of(s.Window.CurrentPane.Table));
        Assert.Equal(1, draws.Total);
    }

    [Fact]
    public void A_header_update_draws_no_table()
    {
        using var s = Big();
        var draws = new Counter(s.Window);
        s.Window.SetRefreshing(true);
        s.App.LayoutAndDraw();
        s.Window.SetRefreshing(false);
        s.App.LayoutAndDraw();
        Assert.Equal(0, draws.Total);
    }

    [Fact]
    public void Scrolling_and_the_filter_line_draw_only_the_table_on_screen()
    {
        using var s = Big();
        var draws = new Counter(s.Window);
        var current = s.Window.CurrentPane.Table;
        s.Press(Key.CursorDown, Key.PageDown, new Key('/'), new Key('1'), new Key('2'));
        Assert.Equal(draws.Total, draws.Of(current));
        Assert.True(draws.Of(current) >= 1);
    }

    [Fact]
    public void A_view_not_on_screen_shows_the_newest_snapshot_once_it_is_shown()
    {
        using var s = new Screen(LabSnapshots.Lab(), 120, 40, readOnly: false);
        var lab = s.Window.Snapshot;
        s.Window.ApplySnapshot(lab with
        {
            Routes = [.. lab.Routes, new Route(AddressFamily.Inet, "198.51.100.0/24", "10.0.2.9", "eth0", "static", "global", 7, "main", "unicast")],
            Links = lab.Links.Add(LabSnapshots.LabWithNewLink("zz9").FindLink("zz9")! with { Index = 99 }),
        });
        Assert.Contains("zz9", s.Text);
        s.Window.ShowView(ViewKind.Routes);
        Assert.Contains("198.51.100.0/24", s.Text);
    }
}
