using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Persisting.Backends;
using NetTui.Presentation;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Persistence.Backends;

/// <summary>`persist make IFACE` on hosts configured by files: the backend's files for the interface as it is now, nothing run.</summary>
public class KeepAtBootTests
{
    private const string Root = "/lab/root";

    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithBridge("br0", false, "192.168.80.1/24")
        .WithLink("vport0", LinkKind.Veth).WithPort("br0", "vport0")
        .WithRoute("10.80.2.0/24", "192.168.80.2", "br0");

    private static PersistedOperation Make(PersistenceBackendKind kind, string iface = "br0") =>
        Assert.IsType<PersistedOperation>(PersistenceLabel.Choose(new MakePersistent(iface),
            new PersistenceMode(false, null) { Backend = new BackendChoice(kind, Root) }));

    [Fact]
    public void A_runtime_bridge_gets_netplans_file_with_its_address_port_and_route_and_nothing_runs()
    {
        var make = Make(PersistenceBackendKind.Netplan);
        Assert.IsType<KeepAtBoot>(make.Inner);
        Assert.Empty(make.Validate(Host, OperationContext.Default));
        var plan = make.Plan(Host, OperationContext.Default);
        Assert.DoesNotContain(plan, s => s is CommandStep);
        var file = Assert.Single(plan.OfType<FileWriteStep>());
        Assert.Equal(Root + "/etc/netplan/90-nettui.yaml", file.Path);
        Assert.Contains("    br0:\n      interfaces: [vport0]\n      addresses: [192.168.80.1/24]\n      routes:\n        - to: 10.80.2.0/24\n          via: 192.168.80.2\n", file.Content, StringComparison.Ordinal);
        Assert.Contains(plan, s => s is Core.Persisting.Netplan.NetplanCheckStep);

        // Its inverse puts the file back as it was (here: removes it).
        var undo = Assert.IsType<PersistedOperation>(make.Inverse(Host, OperationContext.Default));
        var back = Assert.Single(undo.Plan(Host, OperationContext.Default.WithFile(file.Path, file.Content)).OfType<FileWriteStep>());
        Assert.True(back.RemoveFile);
    }

    [Fact]
    public void Ifupdown_gets_one_stanza_file_holding_the_bridge_its_port_and_route()
    {
        var ctx = OperationContext.Default.WithFile(Root + "/etc/network/interfaces", "source /etc/network/interfaces.d/*\n");
        var chosen = Make(PersistenceBackendKind.Ifupdown);
        var make = new PersistedOperation(chosen.Inner) { Backend = chosen.Backend! with { Files = [Root + "/etc/network/interfaces"] } };
        var file = Assert.Single(make.Plan(Host, ctx).OfType<FileWriteStep>());
        Assert.Equal(Root + "/etc/network/interfaces.d/nettui-br0", file.Path);
        Assert.Contains("iface br0 inet static\n    address 192.168.80.1/24\n    bridge_ports vport0\n", file.Content, StringComparison.Ordinal);
        Assert.Contains("    up ip route add 10.80.2.0/24 via 192.168.80.2 dev br0\n", file.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_on_a_veth_is_kept_and_what_no_file_holds_is_refused_naming_why()
    {
        var host = Host.WithLink("vp9", LinkKind.Veth, "10.9.0.1/24");
        var file = Assert.Single(Make(PersistenceBackendKind.Networkd, "vp9").Plan(host, OperationContext.Default).OfType<FileWriteStep>());
        Assert.Contains("[Match]\nName=vp9\n", file.Content, StringComparison.Ordinal);
        Assert.Contains("Address=10.9.0.1/24\n", file.Content, StringComparison.Ordinal);

        var bare = TestHost.Basic().WithLink("vp8", LinkKind.Veth);
        var error = Assert.Single(Make(PersistenceBackendKind.Netplan, "vp8").Validate(bare, OperationContext.Default));
        Assert.StartsWith("vp8 cannot be made persistent with netplan: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_NetworkManager_persist_make_stays_the_profile_operation()
    {
        var op = PersistenceLabel.Choose(new MakePersistent("br0"), new PersistenceMode(false, null));
        Assert.IsType<MakePersistent>(op);
    }
}
