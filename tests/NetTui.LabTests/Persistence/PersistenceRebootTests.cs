using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Host.Changes;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// Each persistable operation made through NetworkManager on a private bus, checked with nmcli,
/// then a simulated reboot: what NetTui persisted comes back, what it labelled runtime-only does not.
/// </summary>
public sealed class PersistenceRebootTests
{
    [Fact]
    public async Task Bridge_with_addresses_and_route_comes_back_after_reboot_and_a_runtime_only_bridge_does_not()
    {
        await using var lab = await PersistLab.CreateAsync();
        var create = await lab.ApplyAsync(new CreateBridge("br0", "192.168.50.1/24"));
        Assert.StartsWith("persistent: NetworkManager profile nettui-br0", PersistLab.Label(create), StringComparison.Ordinal);
        await lab.ApplyAsync(new AddAddress("br0", "192.168.51.1/24"));
        var route = await lab.ApplyAsync(new AddRoute("192.168.60.0/24", Via: "192.168.50.254", Dev: "br0", Metric: "50"));
        Assert.Contains("route-data of profile nettui-br0", PersistLab.Label(route), StringComparison.Ordinal);

        // Runtime-only on purpose: labelled before Apply, and so it is after.
        var runtime = await lab.TryApplyAsync(new PersistedOperation(new CreateBridge("br9", "192.168.90.1/24"), RuntimeOnly: true));
        Assert.Equal(ChangeOutcome.Applied, runtime.Outcome);
        Assert.Contains("LOST AT REBOOT", PersistLab.Label(runtime), StringComparison.Ordinal);

        var s = await lab.ReadAsync();
        var br0 = s.FindLink("br0")!;
        Assert.Equal(PersistenceKind.NetworkManager, br0.Persistence!.Where);
        Assert.Equal("nettui-br0", br0.Persistence.Profile);
        Assert.All(br0.Addresses.Where(a => a.Family == AddressFamily.Inet), a => Assert.Equal(PersistenceKind.NetworkManager, a.Persistence!.Where));
        Assert.Equal(PersistenceKind.NetworkManager, s.Routes.Single(r => r.Destination == "192.168.60.0/24").Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, s.FindLink("br9")!.Persistence!.Where);
        Assert.Contains(DriftFinder.Find(s), d => d.Kind == DriftKind.RuntimeBridge && d.Object == "br9");

        // nmcli, an independent client, reads what NetworkManager saved for NetTui.
        var shown = await lab.NmcliShowAsync("nettui-br0", "connection.type,connection.interface-name,bridge.stp,ipv4.method,ipv4.addresses,ipv4.routes");
        Assert.Equal("bridge", shown["connection.type"]);
        Assert.Equal("br0", shown["connection.interface-name"]);
        Assert.Equal("no", shown["bridge.stp"]);
        Assert.Equal("manual", shown["ipv4.method"]);
        Assert.Contains("192.168.50.1/24", shown["ipv4.addresses"], StringComparison.Ordinal);
        Assert.Contains("192.168.51.1/24", shown["ipv4.addresses"], StringComparison.Ordinal);
        Assert.Contains("192.168.60.0/24", shown["ipv4.routes"], StringComparison.Ordinal);
        Assert.Contains("192.168.50.254", shown["ipv4.routes"], StringComparison.Ordinal);
        // nmcli does not show the user setting; the keyfile NetworkManager wrote has NetTui's tag.
        var keyfile = await File.ReadAllTextAsync(Path.Combine(lab.Nm.KeyfileDir, "nettui-br0.nmconnection"), TestContext.Current.CancellationToken);
        Assert.Contains("[user]", keyfile, StringComparison.Ordinal);
        Assert.Contains("nettui.managed=true", keyfile, StringComparison.Ordinal);

        await lab.RebootAsync();
        await lab.WaitForAddressAsync("br0", "192.168.51.1/24");
        await lab.WaitForAddressAsync("br0", "192.168.50.1/24");
        await LabWait.UntilAsync("the route through br0", async () =>
            (await lab.Host.IpJsonAsync("route", "show", "192.168.60.0/24")).Any(r => (string?)r!["gateway"] == "192.168.50.254" && (string?)r["dev"] == "br0"),
            TimeSpan.FromSeconds(20));
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br9")).Succeeded, "the runtime-only bridge must not come back");
    }

    [Fact]
    public async Task A_veth_attached_as_a_port_is_a_port_again_after_reboot()
    {
        await using var lab = await PersistLab.CreateAsync();
        await lab.VethAsync("vp1", "vp1b");
        await lab.ApplyAsync(new CreateBridge("br0", "192.168.52.1/24"));
        var attach = await lab.ApplyAsync(new AttachToBridge("br0", "vp1"));
        Assert.Contains("port of profile nettui-br0", PersistLab.Label(attach), StringComparison.Ordinal);

        var bridgeUuid = (await lab.NmcliShowAsync("nettui-br0", "connection.uuid"))["connection.uuid"];
        var port = await lab.NmcliShowAsync("nettui-vp1", "connection.type,connection.interface-name,connection.master,connection.slave-type");
        Assert.Equal("802-3-ethernet", port["connection.type"]);
        Assert.Equal("vp1", port["connection.interface-name"]);
        Assert.Equal(bridgeUuid, port["connection.master"]);
        Assert.Equal("bridge", port["connection.slave-type"]);
        var s = await lab.ReadAsync();
        Assert.Equal("br0", s.FindLink("vp1")!.Master);
        Assert.Equal("nettui-vp1", s.FindLink("vp1")!.Persistence!.Profile);

        await lab.RebootAsync(() => lab.VethAsync("vp1", "vp1b"));
        await lab.WaitForAddressAsync("br0", "192.168.52.1/24");
        await LabWait.UntilAsync("vp1 to be a port of br0 again", async () =>
            (await lab.Host.IpJsonAsync("link", "show", "vp1")).Any(l => (string?)l!["master"] == "br0"), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Make_persistent_on_a_brctl_bridge_survives_reboot()
    {
        await using var lab = await PersistLab.CreateAsync();
        await lab.VethAsync("vp7", "vp7b");
        await lab.Host.CheckedAsync("brctl", "addbr", "br7");
        await lab.Host.CheckedAsync("ifconfig", "br7", "192.168.77.1", "netmask", "255.255.255.0", "up");
        await lab.Host.CheckedAsync("brctl", "addif", "br7", "vp7");

        var before = await lab.ReadAsync();
        var index = before.FindLink("br7")!.Index;
        Assert.Equal(PersistenceKind.RuntimeOnly, before.FindLink("br7")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, before.FindLink("br7")!.Addresses.Single(a => a.Family == AddressFamily.Inet).Persistence!.Where);

        var made = await lab.ApplyAsync(new MakePersistent("br7"));
        Assert.Contains("nettui-br7", PersistLab.Label(made), StringComparison.Ordinal);
        var after = await lab.ReadAsync();
        Assert.Equal(PersistenceKind.NetworkManager, after.FindLink("br7")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.NetworkManager, after.FindLink("br7")!.Addresses.Single(a => a.Family == AddressFamily.Inet).Persistence!.Where);
        Assert.Equal("br7", after.FindLink("vp7")!.Master);
        // Taken over in place: the same kernel device, not a new one.
        Assert.Equal(index, after.FindLink("br7")!.Index);
        Assert.DoesNotContain(DriftFinder.Find(after), d => d.Object == "br7");
        var shown = await lab.NmcliShowAsync("nettui-br7", "connection.type,ipv4.addresses");
        Assert.Equal("bridge", shown["connection.type"]);
        Assert.Equal("192.168.77.1/24", shown["ipv4.addresses"]);

        await lab.RebootAsync(() => lab.VethAsync("vp7", "vp7b"));
        await lab.WaitForAddressAsync("br7", "192.168.77.1/24");
        await LabWait.UntilAsync("vp7 to be a port of br7 again", async () =>
            (await lab.Host.IpJsonAsync("link", "show", "vp7")).Any(l => (string?)l!["master"] == "br7"), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Undo_of_a_persisted_bridge_deletes_its_profile_and_it_stays_gone_after_reboot()
    {
        await using var lab = await PersistLab.CreateAsync();
        var create = await lab.ApplyAsync(new CreateBridge("br3", "192.168.53.1/24"));
        var inverse = create.Operations[0].Inverse;
        Assert.IsType<PersistedOperation>(inverse);
        var undo = await lab.ApplyAsync(inverse!);
        Assert.Contains("nettui-br3", PersistLab.Label(undo), StringComparison.Ordinal);
        Assert.False(await lab.ProfileExistsAsync("nettui-br3"));
        Assert.False(File.Exists(Path.Combine(lab.Nm.KeyfileDir, "nettui-br3.nmconnection")));
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br3")).Succeeded);

        await lab.RebootAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br3")).Succeeded, "an undone bridge must not come back at boot");
    }
}
