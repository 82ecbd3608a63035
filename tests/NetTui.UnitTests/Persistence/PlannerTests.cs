using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Values;

namespace NetTui.UnitTests.Persistence;

public class PlannerTests
{
    private static int _n;
    private static Guid NextUuid() => Guid.Parse($"00000000-0000-0000-0000-{++_n:D12}");

    internal static NmProfile Profile(string id, string type, string iface, bool managed = false, string? master = null, string[]? addresses = null,
        NmProfileRoute[]? routes = null, string? uuid = null, string ipv4 = "manual")
    {
        uuid ??= Guid.NewGuid().ToString();
        var s = NmSettings.Empty.Set("connection", "id", id).Set("connection", "uuid", uuid).Set("connection", "type", type)
            .Set("connection", "interface-name", iface).Set("ipv4", "method", ipv4);
        return new NmProfile(id, uuid, type, iface, master, master is null ? null : "bridge", managed, true, ipv4,
            [.. addresses ?? []], [.. routes ?? []], iface, $"/etc/NetworkManager/system-connections/{id}.nmconnection") { Settings = s };
    }

    internal static HostSnapshot Host(params NmProfile[] profiles) => NetTui.UnitTests.Cli.SampleSnapshot.Create() with
    {
        NetworkManager = new NetworkManagerState(true, null, "1.42.4", [.. profiles]),
    };

    [Fact]
    public void New_bridge_is_a_saved_profile_then_an_activation_each_with_its_undo()
    {
        var p = PersistentPlanner.Plan(new CreateBridge("br5", "192.168.5.1/24"), Host(), NextUuid);
        Assert.True(p.Persistent);
        Assert.StartsWith("persistent: NetworkManager profile nettui-br5", p.Label, StringComparison.Ordinal);
        var add = Assert.IsType<NetworkManagerStep>(p.Steps[0]);
        var settings = Assert.IsType<AddProfile>(add.Do).Settings;
        Assert.Equal("bridge", settings.Type);
        Assert.Equal("[address=192.168.5.1,prefix=24]", settings.Get("ipv4", "address-data")!.ToString());
        Assert.IsType<DeleteProfile>(Assert.Single(add.Undo));
        var activate = Assert.IsType<NetworkManagerStep>(p.Steps[1]);
        Assert.Equal(new ActivateProfile(settings.Uuid, "nettui-br5"), activate.Do);
        Assert.IsType<DeactivateProfile>(Assert.Single(activate.Undo));
    }

    [Fact]
    public void An_admins_profile_for_the_interface_is_updated_never_duplicated()
    {
        var admin = Profile("Bridge br5", "bridge", "br5", ipv4: "disabled");
        var p = PersistentPlanner.Plan(new CreateBridge("br5", "192.168.5.1/24"), Host(admin), NextUuid);
        Assert.DoesNotContain(p.Steps.OfType<NetworkManagerStep>(), s => s.Do is AddProfile);
        var update = Assert.IsType<UpdateProfile>(p.Steps.OfType<NetworkManagerStep>().First().Do);
        Assert.Equal(admin.Uuid, update.Uuid);
        Assert.Contains(update.Edits, e => e is AddAddressEdit { Cidr: "192.168.5.1/24", MethodAfter: "manual", MethodBefore: "disabled" });

        var addr = PersistentPlanner.Plan(new AddAddress("br0", "192.168.7.1/24"), Host(Profile("br0 by admin", "bridge", "br0")), NextUuid);
        Assert.Equal("br0 by admin", Assert.IsType<UpdateProfile>(Assert.IsType<NetworkManagerStep>(Assert.Single(addr.Steps)).Do).Id);
    }

    [Fact]
    public void Attaching_to_a_bridge_profile_makes_a_port_profile_naming_the_bridge_uuid()
    {
        var bridge = Profile("nettui-br0", "bridge", "br0", managed: true);
        var p = PersistentPlanner.Plan(new AttachToBridge("br0", "vc2"), Host(bridge), NextUuid);
        var settings = Assert.IsType<AddProfile>(((NetworkManagerStep)p.Steps[0]).Do).Settings;
        Assert.Equal(bridge.Uuid, settings.GetString("connection", "master"));
        Assert.Equal("bridge", settings.GetString("connection", "slave-type"));
        Assert.Equal("vc2", Assert.IsType<ActivateProfile>(((NetworkManagerStep)p.Steps[1]).Do).Device);

        // The port's own (admin) profile is edited instead.
        var own = Profile("uplink", "802-3-ethernet", "vc2");
        var edit = PersistentPlanner.Plan(new AttachToBridge("br0", "vc2"), Host(bridge, own), NextUuid);
        var update = Assert.IsType<UpdateProfile>(((NetworkManagerStep)edit.Steps[0]).Do);
        Assert.Equal(own.Uuid, update.Uuid);
        Assert.Contains(update.Edits, e => e is SetValueEdit { Key: "master" } m && m.New!.ToString() == bridge.Uuid);
    }

    [Fact]
    public void Runtime_only_cases_say_why_before_apply()
    {
        Assert.Contains("make it persistent first", PersistentPlanner.Plan(new AttachToBridge("br0", "vc2"), Host(), NextUuid).Label, StringComparison.Ordinal);
        var down = NetTui.UnitTests.Cli.SampleSnapshot.Create() with { NetworkManager = NetworkManagerState.Down("NetworkManager is not running") };
        var p = PersistentPlanner.Plan(new CreateBridge("br5"), down, NextUuid);
        Assert.False(p.Persistent);
        Assert.Equal("runtime only: LOST AT REBOOT (NetworkManager is not available: NetworkManager is not running)", p.Label);
        Assert.Contains("OVSDB", PersistentPlanner.Plan(new CreateOvsBridge("obr1", "netdev"), down, NextUuid).Label, StringComparison.Ordinal);
        var ovsPort = PersistentPlanner.Plan(new AttachToBridge("br0", "obr0"), Host(Profile("nettui-br0", "bridge", "br0", managed: true)), NextUuid);
        Assert.Contains("Open vSwitch internal port", ovsPort.Label, StringComparison.Ordinal);

        // The wrapper puts the label first and falls back to the runtime commands.
        var wrapped = new PersistedOperation(new CreateBridge("br5")).Plan(down, OperationContext.Default);
        Assert.Equal(p.Label, Assert.IsType<NoteStep>(wrapped[0]).Description);
        Assert.IsType<CommandStep>(wrapped[1]);
    }

    [Fact]
    public void A_route_goes_into_the_route_data_of_its_devices_profile_found_by_gateway()
    {
        var br0 = Profile("nettui-br0", "bridge", "br0", managed: true, addresses: ["192.168.100.1/24"]);
        var p = PersistentPlanner.Plan(new AddRoute("192.168.9.0/24", Via: "192.168.100.254", Metric: "20", Table: "100"), Host(br0), NextUuid);
        var update = Assert.IsType<UpdateProfile>(((NetworkManagerStep)Assert.Single(p.Steps)).Do);
        Assert.Equal(new AddRouteEdit("192.168.9.0/24", "192.168.100.254", 20, 100), Assert.Single(update.Edits));
        Assert.True(update.Reapply);
        // Deleting it finds it in the profile.
        var withRoute = br0 with { Routes = [new NmProfileRoute("192.168.9.0/24", "192.168.100.254", 20, 100)] };
        var del = PersistentPlanner.Plan(new DeleteRoute("192.168.9.0/24"), Host(withRoute), NextUuid);
        Assert.IsType<RemoveRouteEdit>(Assert.Single(Assert.IsType<UpdateProfile>(((NetworkManagerStep)Assert.Single(del.Steps)).Do).Edits));
    }

    [Fact]
    public void Deleting_a_bridge_deletes_its_profile_and_netTuis_port_profiles_and_undo_re_adds_them()
    {
        var br0 = Profile("nettui-br0", "bridge", "br0", managed: true);
        var port = Profile("nettui-vp1", "802-3-ethernet", "vp1", managed: true, master: br0.Uuid);
        var p = PersistentPlanner.Plan(new DeleteBridge("br0"), Host(br0, port), NextUuid);
        var steps = p.Steps.Cast<NetworkManagerStep>().ToList();
        Assert.Equal(["delete profile nettui-vp1", "delete profile nettui-br0"], steps.Select(s => s.Description));
        Assert.IsType<AddProfile>(steps[1].Undo[0]);
        Assert.IsType<ActivateProfile>(steps[1].Undo[1]);
    }

    [Fact]
    public void Make_persistent_builds_the_bridge_from_live_state_with_its_ports()
    {
        var host = Host();
        var p = new MakePersistent("br0").Build(host, NextUuid);
        var steps = p.Steps.OfType<NetworkManagerStep>().ToList();
        var bridge = Assert.IsType<AddProfile>(steps[0].Do).Settings;
        Assert.Equal("[address=192.168.100.1,prefix=24]", bridge.Get("ipv4", "address-data")!.ToString());
        Assert.Equal(new NmBool(true), bridge.Get("bridge", "stp"));
        Assert.Equal("[dest=10.20.0.0,metric=50,next-hop=192.168.100.254,prefix=16]", bridge.Get("ipv4", "route-data")!.ToString());
        // vp1 and vp2 become port profiles; obr0 (OVS internal) stays a runtime port, and the label says so.
        Assert.Equal(["nettui-br0", "nettui-vp1", "nettui-vp2"], steps.Where(s => s.Do is AddProfile).Select(s => s.Do.Id));
        Assert.Contains("obr0", p.Label, StringComparison.Ordinal);
        Assert.Contains(new MakePersistent("br0").Validate(Host(Profile("x", "bridge", "br0")), OperationContext.Default), e => e.Message.Contains("already persists", StringComparison.Ordinal));
    }
}
