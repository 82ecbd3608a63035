using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Core.Persisting.Netplan;
using NetTui.UnitTests.Operations;

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

    [Fact]
    public void Drift_names_what_the_files_bring_up_at_boot_that_is_not_so_now()
    {
        const string yaml = "network:\n  ethernets:\n    vport0: {}\n  bridges:\n    br0:\n      interfaces: [vport0]\n      addresses: [192.168.80.1/24]\n" +
                            "      routes:\n        - to: 10.80.2.0/24\n          via: 192.168.80.2\n    br1:\n      addresses: [192.168.90.1/24]\n";
        var boot = NetplanBoot.Read([("/etc/netplan/90-nettui.yaml", YamlReader.Parse("f", yaml).Root)], "YAML in /etc/netplan");
        var host = TestHost.Basic().WithBridge("br0", false, "192.168.80.1/24").WithLink("vport0", LinkKind.Veth) with { Boot = boot };
        var drift = DriftFinder.Find(host);
        Assert.Equal(["portMismatch vport0", "routeMissing route 10.80.2.0/24", "profileDeviceMissing br1"],
            drift.Select(d => $"{char.ToLowerInvariant(d.Kind.ToString()[0])}{d.Kind.ToString()[1..]} {d.Object}"));
        Assert.Equal("/etc/netplan/90-nettui.yaml (line 11) builds br1 at boot, but br1 does not exist now", drift[^1].Message);
        Assert.Equal("netplan apply makes it now; or remove it from /etc/netplan/90-nettui.yaml", drift[^1].Fix);
    }
}
