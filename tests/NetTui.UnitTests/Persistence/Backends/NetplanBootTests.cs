using NetTui.Core.Persisting.Netplan;

namespace NetTui.UnitTests.Persistence.Backends;

public class NetplanBootTests
{
    [Fact]
    public void Each_definition_is_a_boot_object_with_its_file_addresses_routes_and_bridge()
    {
        var files = new[] { "bridge.yaml", "static.yaml" }
            .Select(f => ("/etc/netplan/" + f, YamlReader.Parse(f, Fixtures.Read("netplan/" + f)).Root)).ToList();
        files.Add(("/etc/netplan/90-nettui.yaml", YamlReader.Parse("n", "network:\n  ethernets:\n    eth9:\n      activation-mode: manual\n").Root));
        var boot = NetplanBoot.Read(files, "YAML in /etc/netplan");
        Assert.Equal("netplan", boot.Backend);
        Assert.Equal("br0", boot.Find("enp3s0")!.Master);
        Assert.Equal(("/etc/netplan/bridge.yaml", 5), (boot.Find("enp3s0")!.File, boot.Find("enp3s0")!.Line));
        Assert.Equal(["10.10.10.2/24"], boot.Find("enp3s0")!.Addresses);
        Assert.Equal(("default", "10.10.10.1"), (boot.Find("enp3s0")!.Routes.Single().Destination, boot.Find("enp3s0")!.Routes.Single().Via));
        Assert.True(boot.Find("br0")!.BroughtUp);
        Assert.False(boot.Find("eth9")!.BroughtUp);
    }
}
