using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.UiTests.Tui;

[Collection(UiCollection.Name)]
public class VirtualizationTests
{
    /// <summary>Counts the cells and keys asked of a row set, and which rows.</summary>
    private sealed class CountingRows(IRowSet inner) : IRowSet
    {
        public int CellReads;
        public readonly HashSet<int> RowsRead = [];
        public ViewKind View => inner.View;
        public IReadOnlyList<string> ColumnNames => inner.ColumnNames;
        public int Count => inner.Count;
        public bool OrderIsMeaningful => inner.OrderIsMeaningful;
        public string Cell(int row, int column) { CellReads++; RowsRead.Add(row); return inner.Cell(row, column); }
        public string Key(int row) => inner.Key(row);
        public object Subject(int row) => inner.Subject(row);
        public IComparable? SortKey(int row, int column) => inner.SortKey(row, column);
        public DetailModel Detail(int row) => inner.Detail(row);
        public RowTone Tone(int row) => inner.Tone(row);
    }

    private static readonly Core.Model.HostSnapshot Big = LabSnapshots.Big(2000, 200_000);

    [Fact]
    public void The_table_source_reads_only_the_visible_rows_of_200k_routes()
    {
        var rows = new CountingRows(RoutesPresenter.Rows(new SnapshotIndex(Big)));
        using var app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        var pane = new TablePane(ViewKind.Routes);
        var window = new Window();
        window.Add(pane);
        var token = app.Begin(window)!;
        try
        {
            pane.Show(rows);
            pane.Table.SetFocus();
            app.LayoutAndDraw();
            var visibleRows = pane.Table.Viewport.Height;
            Assert.Contains("10.0.0.0/32", app.Driver.ToString());
            Assert.InRange(rows.RowsRead.Count, 1, visibleRows);
            Assert.True(rows.CellReads < 50 * visibleRows, $"{rows.CellReads} cell reads for a screen of {visibleRows} rows");

            rows.RowsRead.Clear();
            app.InjectKey(Key.End);
            app.LayoutAndDraw();
            Assert.Contains("10.3.13.63/32", app.Driver.ToString()); // route 199,999
            // Jumping to the end reads the screen it leaves (column widths) and the screen it
            // lands on; none of the 199,900-odd rows in between.
            Assert.True(rows.RowsRead.All(r => r < visibleRows || r >= 200_000 - visibleRows),
                "rows read: " + string.Join(",", rows.RowsRead.Order()));
            Assert.Contains(199_999, rows.RowsRead);
            Assert.Equal(199_999, pane.SelectedRow);
        }
        finally
        {
            app.End(token);
            window.Dispose();
        }
    }

    [Fact]
    public void Main_window_with_2000_links_and_200k_routes_scrolls_and_filters()
    {
        using var s = new Screen(Big);
        s.Press(Key.D4, Key.End);
        Assert.Contains("10.3.13.63/32", s.Text);
        Assert.Contains("200000 rows", s.Lines[0]);
        s.Press(new Key('/')).Type("10.1.2.25").Press(Key.Enter);
        Assert.Equal(7, s.Window.CurrentPane.Rows!.Count); // 10.1.2.25 and 10.1.2.250..255
        Assert.Contains("7/200000 rows", s.Lines[0]);
    }
}
