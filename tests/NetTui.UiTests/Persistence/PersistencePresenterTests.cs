using NetTui.Core.Persisting;
using NetTui.Presentation;
using NetTui.Presentation.Forms;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Persistence;

/// <summary>The Boot column, per-address persistence in details, the Drift rows and the `p` form, on fixture snapshots.</summary>
public class PersistencePresenterTests
{
    private static readonly SnapshotIndex Ix = new(PersistedLab.Snapshot());

    private static int Col(IRowSet rows, string name) => rows.ColumnNames.ToList().IndexOf(name);

    private static int Row(IRowSet rows, string key) => Enumerable.Range(0, rows.Count).Single(i => rows.Key(i) == key);

    [Fact]
    public void Interfaces_say_where_each_link_persists_and_runtime_only_rows_warn()
    {
        var rows = InterfacesPresenter.Rows(Ix);
        var boot = Col(rows, "Boot");
        Assert.Equal(3, boot); // after State: visible on an 80-column screen
        string Cell(string name) => rows.Cell(Row(rows, name), boot);
        Assert.Equal("NM:nettui-br0", Cell("br0"));
        Assert.Equal("lost", Cell("br9"));
        Assert.Equal("lost", Cell("eth0"));
        Assert.Equal("kernel", Cell("lo"));
        Assert.Equal("OVSDB", Cell("br-tun"));
        Assert.Equal("Docker", Cell("docker0"));
        Assert.Equal("Docker", Cell("vethd1"));
        Assert.Equal(RowTone.Warn, rows.Tone(Row(rows, "br9")));
        Assert.Equal(RowTone.Normal, rows.Tone(Row(rows, "br0")));
        Assert.Equal(RowTone.Dim, rows.Tone(Row(rows, "ovs-system"))); // admin-down stays dim (OVSDB anyway)
    }

    [Fact]
    public void Without_persistence_known_the_Boot_cells_are_empty_and_tones_unchanged()
    {
        var rows = InterfacesPresenter.Rows(new SnapshotIndex(LabSnapshots.Lab()));
        Assert.All(Enumerable.Range(0, rows.Count), i => Assert.Equal("", rows.Cell(i, 3)));
        Assert.Equal(RowTone.Normal, rows.Tone(Row(rows, "eth0")));
        Assert.Empty(Enumerable.Range(0, DriftPresenter.Rows(new SnapshotIndex(LabSnapshots.Lab())).Count));
    }

    [Fact]
    public void Interface_detail_shows_persistence_per_address()
    {
        var d = InterfacesPresenter.Detail(Ix, Ix.Link("br0")!);
        var attrs = d.Attributes.ToList();
        Assert.Contains(attrs, a => a.Key == "at boot" && a.Value == "NetworkManager (nettui-br0)");
        Assert.Contains(attrs, a => a.Key == "inet" && a.Value == "192.168.50.1/24 scope global, boot: NM:nettui-br0");
        Assert.Contains(attrs, a => a.Key == "inet6" && a.Value == "fd00:50::1/64 scope global, boot: lost");
        Assert.Contains(InterfacesPresenter.Detail(Ix, Ix.Link("br9")!).Attributes, a => a.Key == "at boot" && a.Value == "runtime only (lost at reboot)");
    }

    [Fact]
    public void Bridges_show_the_bridge_and_each_port_persistence()
    {
        var rows = BridgesPresenter.Rows(Ix);
        var boot = Col(rows, "Boot");
        Assert.Equal("NM:nettui-br0", rows.Cell(Row(rows, "br0"), boot));
        Assert.Equal("lost", rows.Cell(Row(rows, "br0/veth2a"), boot));
        Assert.Equal(RowTone.Warn, rows.Tone(Row(rows, "br0/veth2a")));
        Assert.Equal("Docker", rows.Cell(Row(rows, "docker0/vethd1"), boot));
        Assert.Equal("lost", rows.Cell(Row(rows, "br9"), boot));
        var detail = BridgesPresenter.BridgeDetail(Ix, Ix.Bridge("br0")!);
        Assert.Contains(detail.Attributes, a => a.Key == "inet" && a.Value.EndsWith("boot: NM:nettui-br0", StringComparison.Ordinal));
    }

    [Fact]
    public void Routes_say_whether_a_profile_holds_them()
    {
        var rows = RoutesPresenter.Rows(Ix);
        var boot = Col(rows, "Boot");
        Assert.Equal(rows.ColumnNames.Count - 1, boot); // last: the metric/destination columns keep their places
        int R(string table, string dest) => Enumerable.Range(0, rows.Count).Single(i => rows.Cell(i, 0) == table && rows.Cell(i, 2) == dest && rows.Cell(i, 1) == "v4");
        Assert.Equal("NM:nettui-br0", rows.Cell(R("100", "10.99.0.0/16"), boot));
        Assert.Equal("lost", rows.Cell(R("100", "default"), boot));
        Assert.Equal(RowTone.Warn, rows.Tone(R("100", "default")));
        Assert.Equal("kernel", rows.Cell(R("main", "192.168.50.0/24"), boot));
        Assert.Contains(rows.Detail(R("100", "10.99.0.0/16")).Attributes, a => a.Key == "at boot" && a.Value == "NetworkManager (nettui-br0)");
    }

    [Fact]
    public void Drift_rows_list_each_difference_with_its_fix()
    {
        var rows = DriftPresenter.Rows(Ix);
        Assert.Equal(ViewKind.Drift, rows.View);
        Assert.Equal(["Kind", "Object", "Difference", "Fix"], rows.ColumnNames);
        var byObject = Enumerable.Range(0, rows.Count).ToDictionary(i => rows.Cell(i, 1));
        Assert.Equal("device missing", rows.Cell(byObject["br5"], 0));
        Assert.Equal(RowTone.Error, rows.Tone(byObject["br5"]));
        Assert.Contains("nmcli connection up nettui-br5", rows.Cell(byObject["br5"], 3), StringComparison.Ordinal);
        Assert.Equal("runtime bridge", rows.Cell(byObject["br9"], 0));
        Assert.Contains("nettui persist make br9", rows.Cell(byObject["br9"], 3), StringComparison.Ordinal);
        Assert.Equal("runtime address", rows.Cell(byObject["br0 fd00:50::1/64"], 0));
        Assert.Contains("+ipv6.addresses fd00:50::1/64", rows.Cell(byObject["br0 fd00:50::1/64"], 3), StringComparison.Ordinal);
        Assert.Equal("route missing", rows.Cell(byObject["route 10.98.0.0/16"], 0));
        Assert.Equal("runtime route", rows.Cell(byObject["route default"], 0));
        Assert.DoesNotContain("br0", byObject.Keys); // br0 itself persists
        var detail = rows.Detail(byObject["br9"]);
        Assert.Equal(ViewKind.Bridges, detail.Related.Last().View);
        Assert.Contains(detail.Related, r => r.View == ViewKind.Interfaces && r.Key == "br9");
    }

    [Fact]
    public void Make_persistent_form_is_offered_for_runtime_only_objects_and_previews_the_NetworkManager_steps()
    {
        var h = Ix.Snapshot;
        var (form, why) = NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Persist, ViewKind.Interfaces, NetTui.UiTests.Forms.FormHarness.Row(h, ViewKind.Interfaces, "br9"), h);
        Assert.Null(why);
        Assert.NotNull(form);
        var r = form.Evaluate(form.Defaults(), h);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        var op = Assert.IsType<MakePersistent>(Assert.Single(r.Operations));
        Assert.Equal("br9", op.Interface);
        Assert.Contains(r.Preview, l => l.Contains("NetworkManager:", StringComparison.Ordinal) && l.Contains("nettui-br9", StringComparison.Ordinal));
        Assert.Contains(r.Preview, l => l.Contains("nmcli", StringComparison.Ordinal));

        // A port row of a runtime bridge means its bridge; a drift row of a runtime bridge too.
        Assert.Equal("br9", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Persist, ViewKind.Bridges, NetTui.UiTests.Forms.FormHarness.Row(h, ViewKind.Bridges, "br9"), h).Form!.Defaults()["interface"]);
        var driftRow = DriftFinder.Find(h).Single(d => d.Kind == DriftKind.RuntimeBridge && d.Object == "br9");
        Assert.Equal("br9", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Persist, ViewKind.Drift, driftRow, h).Form!.Defaults()["interface"]);

        // Already persistent, or a drift p cannot fix: a reason instead of a form.
        var (none, reason) = NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Persist, ViewKind.Interfaces, NetTui.UiTests.Forms.FormHarness.Row(h, ViewKind.Interfaces, "br0"), h);
        Assert.Null(none);
        Assert.Contains("already persists", reason, StringComparison.Ordinal);
        Assert.Contains("OVSDB", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Persist, ViewKind.Interfaces, NetTui.UiTests.Forms.FormHarness.Row(h, ViewKind.Interfaces, "br-tun"), h).Why, StringComparison.Ordinal);
        var missingRow = DriftFinder.Find(h).Single(d => d.Kind == DriftKind.ProfileDeviceMissing);
        Assert.Contains("nmcli connection up nettui-br5", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Persist, ViewKind.Drift, missingRow, h).Why, StringComparison.Ordinal);
        Assert.Contains("not known yet", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Persist, ViewKind.Interfaces, LabSnapshots.Lab().FindLink("br0"), LabSnapshots.Lab()).Why, StringComparison.Ordinal);
    }
}
