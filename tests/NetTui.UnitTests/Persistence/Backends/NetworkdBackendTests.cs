using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Persisting.Networkd;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Persistence.Backends;

public class NetworkdBackendTests
{
    private const string Root = "/lab/root";
    private const string Dir = Root + "/etc/systemd/network";
    private const string Admin = Dir + "/10-lan.network";
    private const string AdminText = "# the admin's LAN\n[Match]\nName=eth1\n\n[Network]\nDHCP=no\nAddress=10.2.0.1/24\n";

    private static PersistedOperation Wrapped(Operation op, params string[] files) =>
        new(op) { Backend = new BackendChoice(PersistenceBackendKind.Networkd, Root) { Files = [.. files] } };

    private static List<FileWriteStep> Files(PersistedOperation op, HostSnapshot host, OperationContext ctx) => [.. op.Plan(host, ctx).OfType<FileWriteStep>()];

    [Fact]
    public void A_new_bridge_with_a_port_gets_a_netdev_and_networks_of_its_own()
    {
        var host = TestHost.Basic().WithLink("vport0", LinkKind.Veth);
        var op = Wrapped(new CreateBridge("br0", "192.168.80.1/24") { Ports = ["vport0"], Routes = [new AddRoute("10.80.2.0/24", "192.168.80.2", "br0")] });
        var files = Files(op, host, OperationContext.Default).ToDictionary(f => f.Path, f => f.Content);
        Assert.Equal([Dir + "/50-nettui-br0.netdev", Dir + "/50-nettui-br0.network", Dir + "/50-nettui-vport0.network"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("[NetDev]\nName=br0\nKind=bridge\n", files[Dir + "/50-nettui-br0.netdev"], StringComparison.Ordinal);
        Assert.Contains("[Match]\nName=br0\n", files[Dir + "/50-nettui-br0.network"], StringComparison.Ordinal);
        Assert.Contains("Address=192.168.80.1/24\n\n[Route]\nDestination=10.80.2.0/24\nGateway=192.168.80.2\n", files[Dir + "/50-nettui-br0.network"], StringComparison.Ordinal);
        Assert.Contains("[Network]\nBridge=br0\n", files[Dir + "/50-nettui-vport0.network"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_admins_network_is_edited_in_place_and_the_inverse_restores_it_exactly()
    {
        var host = TestHost.Basic().WithLink("eth1", LinkKind.Ethernet, "10.2.0.1/24");
        var ctx = OperationContext.Default.WithFile(Admin, AdminText);
        var op = Wrapped(new AddAddress("eth1", "10.2.1.1/24"), Admin);
        var edit = Assert.Single(Files(op, host, ctx));
        Assert.Equal(Admin, edit.Path);
        Assert.Equal(AdminText + "Address=10.2.1.1/24\n", edit.Content);

        var inverse = Assert.IsType<PersistedOperation>(op.Inverse(host, ctx));
        var back = Assert.Single(Files(inverse, host, OperationContext.Default));
        Assert.Equal((AdminText, (string?)(AdminText + "Address=10.2.1.1/24\n")), (back.Content, back.Previous));

        var remove = Assert.Single(Files(Wrapped(new RemoveAddress("eth1", "10.2.0.1/24"), Admin), host, ctx));
        Assert.Equal(AdminText.Replace("Address=10.2.0.1/24\n", "", StringComparison.Ordinal), remove.Content);
    }

    [Fact]
    public void A_file_NetTui_cannot_read_refuses_the_change_naming_file_and_line()
    {
        var ctx = OperationContext.Default.WithFile(Admin, "[Match]\nName=eth1\nnonsense\n");
        var error = Assert.Single(Wrapped(new CreateBridge("br5"), Admin).Validate(TestHost.Basic(), ctx));
        Assert.StartsWith(Admin + ":3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bridge_an_admins_netdev_defines_is_not_defined_twice()
    {
        const string netdev = Dir + "/20-br0.netdev";
        var ctx = OperationContext.Default.WithFile(netdev, "[NetDev]\nName=br0\nKind=bridge\n");
        var plan = Wrapped(new CreateBridge("br0"), netdev).PlanPersistence(TestHost.Basic(), ctx);
        Assert.False(plan.Persistent);
        Assert.Contains("20-br0.netdev already defines br0", plan.Label, StringComparison.Ordinal);
        Assert.Equal("[NetDev]", NetworkdFile.Parse(netdev, "[NetDev]\nName=br0\n").Lines[0].TrimEnd('\n'));
    }
}
