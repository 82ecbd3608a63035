using System.Collections.Immutable;
using NetTui.Core.Persisting;
using NetTui.Core.Values;

namespace NetTui.UnitTests.Persistence;

public class ProfileBuilderTests
{
    private static readonly Guid Uuid = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static IpPrefix P(string s) => IpPrefix.Parse(s).Get();
    private static ImmutableSortedDictionary<string, NmValue> D(params (string, NmValue)[] kv) => ProfileBuilder.Dict(kv);

    [Fact]
    public void Bridge_profile_has_exactly_the_expected_settings_with_aa_sv_lists()
    {
        var s = ProfileBuilder.Bridge("br0", Uuid, true, [P("192.168.100.1/24"), P("fd00::1/64")],
            [new ProfileRouteSpec(P("192.168.2.0/24"), "192.168.100.254", 50, null), new ProfileRouteSpec(P("10.1.2.3/16"), null, null, 100)]);

        Assert.Equal(
        [
            "bridge.stp=true",
            "connection.autoconnect=true",
            "connection.id=nettui-br0",
            "connection.interface-name=br0",
            "connection.type=bridge",
            "connection.uuid=11111111-2222-3333-4444-555555555555",
            "ipv4.address-data=[address=192.168.100.1,prefix=24]",
            "ipv4.method=manual",
            "ipv4.route-data=[dest=192.168.2.0,metric=50,next-hop=192.168.100.254,prefix=24; dest=10.1.0.0,prefix=16,table=100]",
            "ipv6.address-data=[address=fd00::1,prefix=64]",
            "ipv6.method=manual",
            "user.data=nettui.managed=true",
        ], s.Lines().ToArray());

        var addresses = Assert.IsType<NmDictArray>(s.Get("ipv4", "address-data"));
        Assert.Equal("aa{sv}", addresses.Signature);
        Assert.Equal(D(("address", "192.168.100.1"), ("prefix", 24u)), addresses.Items.Single());
        Assert.IsType<NmUInt32>(addresses.Items[0]["prefix"]);
        var routes = Assert.IsType<NmDictArray>(s.Get("ipv4", "route-data"));
        Assert.Equal(D(("dest", "192.168.2.0"), ("prefix", 24u), ("next-hop", "192.168.100.254"), ("metric", 50u)), routes.Items[0]);
        // Never the deprecated forms: NetworkManager would ignore address-data/route-data.
        Assert.Null(s.Get("ipv4", "addresses"));
        Assert.Null(s.Get("ipv4", "routes"));
        Assert.Equal("a{ss}", s.Get("user", "data")!.Signature);
    }

    [Fact]
    public void A_bridge_without_addresses_disables_ipv4_and_leaves_ipv6_to_the_kernel()
    {
        var s = ProfileBuilder.Bridge("br1", Uuid, false, [], []);
        Assert.Equal("disabled", s.GetString("ipv4", "method"));
        Assert.Equal("ignore", s.GetString("ipv6", "method"));
        Assert.Equal(new NmBool(false), s.Get("bridge", "stp"));
        Assert.Null(s.Get("ipv4", "address-data"));
    }

    [Fact]
    public void Bridge_port_names_its_master_with_slave_type_and_has_no_ip_settings()
    {
        var s = ProfileBuilder.BridgePort("vp1", Uuid, ProfileBuilder.EthernetType, "aaaa-bridge-uuid");
        Assert.Equal("802-3-ethernet", s.Type);
        Assert.Equal("aaaa-bridge-uuid", s.GetString("connection", "master"));
        Assert.Equal("bridge", s.GetString("connection", "slave-type"));
        Assert.False(s.Sections.ContainsKey("ipv4"));
        Assert.False(s.Sections.ContainsKey("ipv6"));
        Assert.Equal(new NmUInt32(2), ProfileBuilder.BridgePort("tap0", Uuid, ProfileBuilder.TunType, "br0").Get("tun", "mode"));
    }

    [Fact]
    public void Ip_tunnel_profile_uses_mode_numbers_and_string_keys()
    {
        var gre = ProfileBuilder.IpTunnel("gre1", Uuid, ProfileBuilder.ModeGre, "10.9.9.2", "10.9.9.1", 7, 64);
        Assert.Equal("ip-tunnel", gre.Type);
        Assert.Equal(new NmUInt32(2), gre.Get("ip-tunnel", "mode"));
        Assert.Equal(new NmString("10.9.9.2"), gre.Get("ip-tunnel", "remote"));
        Assert.Equal(new NmString("10.9.9.1"), gre.Get("ip-tunnel", "local"));
        Assert.Equal(new NmString("7"), gre.Get("ip-tunnel", "input-key"));
        Assert.Equal(new NmString("7"), gre.Get("ip-tunnel", "output-key"));
        Assert.Equal(new NmUInt32(64), gre.Get("ip-tunnel", "ttl"));
        Assert.Equal("disabled", gre.GetString("ipv4", "method"));
        var gretap = ProfileBuilder.IpTunnel("gt1", Uuid, ProfileBuilder.ModeGretap, "10.9.9.2", null, null, null);
        Assert.Equal(new NmUInt32(10), gretap.Get("ip-tunnel", "mode"));
        Assert.Null(gretap.Get("ip-tunnel", "local"));
        Assert.Null(gretap.Get("ip-tunnel", "input-key"));
    }

    [Fact]
    public void User_data_key_follows_NetworkManagers_rules()
    {
        var key = NmKeys.ManagedTag;
        Assert.Matches("^[A-Za-z0-9_.-]+$", key);
        Assert.Contains('.', key);
        Assert.False(key.StartsWith('.') || key.EndsWith('.') || key.Contains("..", StringComparison.Ordinal));
    }

    [Fact]
    public void Edits_add_and_remove_addresses_and_routes_and_reverse_exactly()
    {
        var start = ProfileBuilder.Bridge("br0", Uuid, false, [], [])
            .Set("ipv4", "addresses", new NmOpaque("legacy"));
        var add = new AddAddressEdit("192.168.5.1/24", "manual", "disabled");
        var added = add.Apply(start);
        Assert.Equal("manual", added.GetString("ipv4", "method"));
        Assert.Null(added.Get("ipv4", "addresses"));
        Assert.Equal("[address=192.168.5.1,prefix=24]", added.Get("ipv4", "address-data")!.ToString());
        var back = add.Reverse().Apply(added);
        Assert.Equal("disabled", back.GetString("ipv4", "method"));
        Assert.Null(back.Get("ipv4", "address-data"));

        var route = new AddRouteEdit("192.168.60.0/24", "192.168.5.254", 50, null);
        var withRoute = route.Apply(added);
        Assert.Equal("[dest=192.168.60.0,metric=50,next-hop=192.168.5.254,prefix=24]", withRoute.Get("ipv4", "route-data")!.ToString());
        Assert.Equal(withRoute, route.Apply(withRoute)); // adding twice keeps one
        Assert.Null(route.Reverse().Apply(withRoute).Get("ipv4", "route-data"));
    }

    [Fact]
    public void Settings_and_actions_round_trip_through_the_plan_json()
    {
        var s = ProfileBuilder.Bridge("br0", Uuid, true, [P("192.168.100.1/24")], [new ProfileRouteSpec(P("192.168.2.0/24"), "192.168.100.254", null, null)]);
        var step = new NetworkManagerStep("save", new AddProfile(s), [new DeleteProfile(s.Uuid, s.Id)]);
        var json = NetTui.Core.Operations.OperationJson.Serialize<NetTui.Core.Operations.PlanStep>(step);
        var back = System.Text.Json.JsonSerializer.Deserialize<NetTui.Core.Operations.PlanStep>(json, NetTui.Core.Operations.OperationJson.Options);
        var again = Assert.IsType<NetworkManagerStep>(back);
        Assert.Equal(s, Assert.IsType<AddProfile>(again.Do).Settings);
        Assert.Contains("\"step\": \"networkmanager\"", json, StringComparison.Ordinal);
    }
}
