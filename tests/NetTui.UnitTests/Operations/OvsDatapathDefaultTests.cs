using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Inventory.Ovs;

namespace NetTui.UnitTests.Operations;

/// <summary>Only what can work here: the system datapath is refused (with the reason) where the kernel lacks openvswitch.</summary>
public sealed class OvsDatapathDefaultTests
{
    private static HostSnapshot Host(bool? kernelDatapath, params string[] bridgeDatapaths) =>
        HostSnapshot.Empty("h", null) with
        {
            Ovs = new OvsState("3.1.0", [.. bridgeDatapaths.Select((d, i) => new OvsBridge($"b{i}", "", d, []))]) { KernelDatapath = kernelDatapath },
        };

    [Fact]
    public void No_module_means_netdev_and_system_is_refused_naming_the_field()
    {
        var h = Host(kernelDatapath: false);
        Assert.Equal("netdev", OvsDatapathDefault.For(h).Word);
        var errors = new CreateOvsBridge("obr0", "system").Validate(h, OperationContext.Default);
        var e = Assert.Single(errors);
        Assert.Equal("datapath", e.Field);
        Assert.Contains("no openvswitch module", e.Message, StringComparison.Ordinal);
        Assert.Empty(new CreateOvsBridge("obr0", "netdev").Validate(h, OperationContext.Default));
    }

    [Fact]
    public void With_the_module_system_unless_the_other_bridges_are_netdev()
    {
        Assert.Equal(("system", null), OvsDatapathDefault.For(Host(true)));
        Assert.Equal("netdev", OvsDatapathDefault.For(Host(true, "netdev", "netdev")).Word);
        Assert.Empty(new CreateOvsBridge("obr0", "system").Validate(Host(true), OperationContext.Default));
    }

    [Fact]
    public void Module_loaded_or_installed_for_the_running_kernel()
    {
        var root = Directory.CreateTempSubdirectory("kmod").FullName;
        try
        {
            var sys = Directory.CreateDirectory(Path.Combine(root, "sys")).FullName;
            var lib = Directory.CreateDirectory(Path.Combine(root, "lib", "6.1.0-28-amd64")).FullName;
            Assert.False(KernelModule.Available("openvswitch", sys, Path.Combine(root, "lib"), "6.1.0-28-amd64"));
            File.WriteAllText(Path.Combine(lib, "modules.dep"), "kernel/net/openvswitch/openvswitch.ko.xz: kernel/net/nsh/nsh.ko.xz\n");
            Assert.True(KernelModule.Available("openvswitch", sys, Path.Combine(root, "lib"), "6.1.0-28-amd64"));
            Assert.False(KernelModule.Available("openvswitch", sys, Path.Combine(root, "lib"), "6.18.0"));
            Directory.CreateDirectory(Path.Combine(sys, "openvswitch"));
            Assert.True(KernelModule.Available("openvswitch", sys, Path.Combine(root, "lib"), null));
        }
        finally { Directory.Delete(root, true); }
    }
}
