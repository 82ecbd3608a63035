using System.Text.Json;
using NetTui.Host.Inventory.Ovs;

namespace NetTui.UnitTests.Inventory;

public class OvsdbTests
{
    private static JsonElement J(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Scalars_and_single_member_sets_are_values()
    {
        Assert.Equal("netdev", Ovsdb.AsString(J("\"netdev\"")));
        Assert.Equal("5", Ovsdb.AsString(J("5")));
        Assert.Equal("true", Ovsdb.AsString(J("true")));
        Assert.Equal("x", Ovsdb.AsString(J("""["set",["x"]]""")));
        Assert.Equal(10L, Ovsdb.AsLong(J("10")));
        Assert.Equal(-1L, Ovsdb.AsLong(J("""["set",[-1]]""")));
        Assert.False(Ovsdb.AsBool(J("false")));
    }

    [Fact]
    public void Empty_set_is_null()
    {
        Assert.Null(Ovsdb.AsString(J("""["set",[]]""")));
        Assert.Null(Ovsdb.AsLong(J("""["set",[]]""")));
        Assert.Null(Ovsdb.AsUuid(J("""["set",[]]""")));
        Assert.Empty(Ovsdb.AsUuids(J("""["set",[]]""")));
    }

    [Fact]
    public void Uuids_single_and_in_sets()
    {
        Assert.Equal("a-1", Ovsdb.AsUuid(J("""["uuid","a-1"]""")));
        Assert.Equal("a-1", Ovsdb.AsString(J("""["uuid","a-1"]""")));
        Assert.Equal(["a-1"], Ovsdb.AsUuids(J("""["uuid","a-1"]""")));
        Assert.Equal(["a-1", "b-2"], Ovsdb.AsUuids(J("""["set",[["uuid","a-1"],["uuid","b-2"]]]""")));
        Assert.Equal(["n-1"], Ovsdb.AsUuids(J("""["named-uuid","n-1"]""")));
    }

    [Fact]
    public void Maps_become_sorted_dictionaries()
    {
        var map = Ovsdb.AsStringMap(J("""["map",[["remote_ip","10.10.0.2"],["key","7"],["n",5]]]"""));
        Assert.Equal(["key", "n", "remote_ip"], map.Keys);
        Assert.Equal("10.10.0.2", map["remote_ip"]);
        Assert.Equal("5", map["n"]);
        Assert.Empty(Ovsdb.AsStringMap(J("""["map",[]]""")));
        Assert.Empty(Ovsdb.AsStringMap(J("""["set",[]]""")));
        var counters = Ovsdb.AsLongMap(J("""["map",[["rx_packets",11],["tx_bytes",0],["bogus","x"]]]"""));
        Assert.Equal(11L, counters["rx_packets"]);
        Assert.False(counters.ContainsKey("bogus"));
    }

    [Fact]
    public void A_multi_member_set_is_not_a_scalar()
    {
        var v = J("""["set",["netdev","system"]]""");
        Assert.Null(Ovsdb.AsString(v));
        Assert.Equal(2, Ovsdb.Atoms(v).Count());
    }

    [Fact]
    public void Table_rows_by_heading_and_missing_columns_read_as_empty()
    {
        var t = OvsdbTable.Parse("""{"data":[[["uuid","u1"],"br-int",["set",[]]]],"headings":["_uuid","name","ports"]}""");
        var row = Assert.Single(t.Rows);
        Assert.Equal("u1", row.Uuid);
        Assert.Equal("br-int", row.String("name"));
        Assert.Empty(Ovsdb.AsUuids(row["ports"]));
        Assert.Null(row.String("no_such_column"));
    }
}
