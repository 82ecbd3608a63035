using NetTui.Presentation;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Presentation;

public class RowQueryTests
{
    private static readonly SnapshotIndex Lab = new(LabSnapshots.Lab());

    [Fact]
    public void No_filter_and_no_sort_is_the_identity_without_an_index()
    {
        Assert.Null(RowQuery.Apply(RoutesPresenter.Rows(Lab), new ViewState()));
    }

    [Fact]
    public void Filter_is_a_case_insensitive_substring_over_every_cell()
    {
        var rows = new ViewRows(InterfacesPresenter.Rows(Lab), new ViewState { Filter = "BR" });
        var names = Enumerable.Range(0, rows.Count).Select(i => rows.Cell(i, 0)).ToArray();
        // by name (br0, br-tun), by Kind "bridge" (docker0), by Master (the ports of br0).
        Assert.Equal(["docker0", "br0", "veth1a", "veth2a", "br-tun", "vethA"], names);
    }

    [Fact]
    public void Sort_by_column_toggles_direction_and_numbers_sort_as_numbers()
    {
        var state = new ViewState();
        state.CycleSortColumn(8);           // sort by column 0, Name
        var rows = new ViewRows(InterfacesPresenter.Rows(Lab), state);
        Assert.Equal("br-tun", rows.Cell(0, 0));
        Assert.Equal("Name ▲", rows.Headers()[0]);
        state.ToggleSortDirection();
        rows = new ViewRows(InterfacesPresenter.Rows(Lab), state);
        Assert.Equal("vethd1", rows.Cell(0, 0));
        Assert.Equal("Name ▼", rows.Headers()[0]);

        var metric = new ViewState { SortColumn = 7 };
        var routes = new ViewRows(RoutesPresenter.Rows(Lab), metric);
        var metrics = Enumerable.Range(0, routes.Count).Select(i => routes.Cell(i, 7)).ToArray();
        Assert.Equal(["20", "100", "100", "256", "1024", "1024", "", "", ""], metrics);
    }

    [Fact]
    public void Tree_views_keep_their_order_when_asked_to_sort()
    {
        var rows = new ViewRows(TopologyPresenter.Rows(Lab), new ViewState { SortColumn = 0, SortDescending = true });
        Assert.Equal("bridge br0", rows.Cell(0, 0));
    }

    [Fact]
    public void Selection_is_found_again_by_key_in_a_new_snapshot()
    {
        var state = new ViewState { SelectedKey = "veth2a" };
        var before = new ViewRows(InterfacesPresenter.Rows(Lab), state);
        var after = new ViewRows(InterfacesPresenter.Rows(new SnapshotIndex(LabSnapshots.LabWithNewLink())), state);
        Assert.Equal(5, before.Find(state.SelectedKey));
        Assert.Equal(6, after.Find(state.SelectedKey));
        Assert.Equal(-1, after.Find("gone"));
    }

    [Fact]
    public void Filtering_200k_routes_yields_an_index_not_copies()
    {
        var big = new SnapshotIndex(LabSnapshots.Big(2000, 200_000));
        var rows = new ViewRows(RoutesPresenter.Rows(big), new ViewState { Filter = "10.1.2." });
        Assert.Equal(256, rows.Count);
        Assert.Equal("10.1.2.0/32", rows.Cell(0, 2));
    }

    /// <summary>A big view is filtered in slices on every core; the hits must be those of one scan, in row order.</summary>
    [Fact]
    public void A_sliced_filter_of_200k_routes_equals_one_scan_in_row_order()
    {
        var set = RoutesPresenter.Rows(new SnapshotIndex(LabSnapshots.Big(10, 200_000)));
        bool Hit(int r, string text) =>
            Enumerable.Range(0, set.ColumnNames.Count).Any(c => set.Cell(r, c).Contains(text, StringComparison.OrdinalIgnoreCase));
        var expected = Enumerable.Range(0, set.Count).Where(r => Hit(r, ".25")).ToArray();
        Assert.True(set.Count >= RowQuery.ParallelThreshold);
        Assert.Equal(expected, RowQuery.Filter(set, ".25"));
        // Narrowing within earlier hits (the filter cache's path) keeps their order too.
        Assert.Equal(expected.Where(r => Hit(r, ".255")).ToArray(), RowQuery.Filter(set, ".255", expected));
    }
}

public class FilterCacheTests
{
    [Fact]
    public void Typing_one_more_character_scans_only_the_previous_matches()
    {
        var rows = RoutesPresenter.Rows(new SnapshotIndex(LabSnapshots.Big(10, 20_000)));
        var cache = new FilterCache();
        var wide = cache.Filter(rows, "10.0.1");
        var narrow = cache.Filter(rows, "10.0.1.2");
        Assert.Equal(RowQuery.Filter(rows, "10.0.1.2"), narrow);
        Assert.All(narrow, r => Assert.Contains(r, wide));
        Assert.Equal(RowQuery.Filter(rows, "10.0.2"), cache.Filter(rows, "10.0.2")); // not an extension: full scan
    }
}

public class BigSortTests
{
    [Fact]
    public void Sorting_200k_routes_by_metric_descending_keeps_ties_in_order()
    {
        var rows = RoutesPresenter.Rows(new SnapshotIndex(LabSnapshots.Big(10, 200_000)));
        var view = new ViewRows(rows, new ViewState { SortColumn = 7, SortDescending = true });
        Assert.Equal(200_000, view.Count);
        Assert.Equal("999", view.Cell(0, 7));
        Assert.Equal("10.0.3.231/32", view.Cell(0, 2));  // route 999, the first with metric 999
        Assert.Equal("0", view.Cell(199_999, 7));
    }
}
