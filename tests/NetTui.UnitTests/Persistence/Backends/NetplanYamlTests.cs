using NetTui.Core.Persisting.Netplan;

namespace NetTui.UnitTests.Persistence.Backends;

/// <summary>The YAML reader and writer NetTui's netplan backend uses, on netplan 0.106's own example files (Fixtures/netplan).</summary>
public class NetplanYamlTests
{
    public static TheoryData<string> Examples() => [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "netplan"), "*.yaml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_netplan_ships_is_read(string file)
    {
        var (root, error) = YamlReader.Parse(file, Fixtures.Read("netplan/" + file));
        Assert.Null(error);
        // network_manager.yaml only sets the renderer; every other example defines devices.
        Assert.Equal(file != "network_manager.yaml", NetplanConfig.DefinitionsOf("/etc/netplan/" + file, root).Any());
    }

    [Fact]
    public void Definitions_name_their_section_interface_and_line()
    {
        var (root, _) = YamlReader.Parse("vxlan.yaml", Fixtures.Read("netplan/vxlan.yaml"));
        var defs = NetplanConfig.DefinitionsOf("/etc/netplan/vxlan.yaml", root).ToList();
        Assert.Equal(["ethernets/lo", "vrfs/vrf1005", "bridges/br1", "bridges/br1005", "tunnels/vxlan1005", "tunnels/vxlan1"], defs.Select(d => $"{d.Section}/{d.Name}"));
        Assert.Equal(21, defs.Single(d => d.Id == "vxlan1005").Line);
        Assert.Equal(["vxlan1"], defs.Single(d => d.Id == "br1").Body.Seq("interfaces")!.Scalars);
        Assert.Equal("8950", defs.Single(d => d.Id == "vxlan1").Body.Text("mtu"));
    }

    [Fact]
    public void A_match_by_mac_has_no_name_and_set_name_gives_one()
    {
        const string text = "network:\n  ethernets:\n    lan:\n      match:\n        macaddress: \"52:54:00:6b:3c:59\"\n      set-name: lan0\n    wan:\n      match: {macaddress: \"52:54:00:6b:3c:5a\"}\n    any:\n      match:\n        name: en*\n";
        var (root, error) = YamlReader.Parse("f", text);
        Assert.Null(error);
        Assert.Equal(["lan0", null, null], NetplanConfig.DefinitionsOf("f", root).Select(d => d.Name));
    }

    [Theory]
    [InlineData("network:\n  ethernets: &x\n    eth0: {}\n", 2)]
    [InlineData("network:\n  version: 2\n ethernets: {}\n", 3)]
    [InlineData("network:\n  ethernets:\n    eth0:\n      addresses: [10.0.0.1/24\n", 4)]
    [InlineData("network:\n\tversion: 2\n", 2)]
    public void What_NetTui_does_not_read_is_an_error_naming_the_line(string text, int line)
    {
        var (root, error) = YamlReader.Parse("/etc/netplan/50-admin.yaml", text);
        Assert.Null(root);
        Assert.StartsWith($"/etc/netplan/50-admin.yaml:{line}: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_the_same()
    {
        var root = new YamlMapping();
        var network = root.MapOrNew("network").Set("version", "2", plain: true);
        var br = network.MapOrNew("bridges").MapOrNew("br0");
        br.SeqOrNew("interfaces").Items.Add(new YamlScalar("vport0"));
        br.SeqOrNew("addresses").Items.AddRange([new YamlScalar("192.168.80.1/24"), new YamlScalar("fd00::1/64")]);
        br.SeqOrNew("routes").Items.Add(new YamlMapping().Set("to", "10.80.2.0/24").Set("via", "192.168.80.2").Set("metric", "50", plain: true));
        br.Set("parameters", new YamlMapping().Set("stp", "false", plain: true));
        network.MapOrNew("ethernets").Set("vport0", new YamlMapping());
        network.MapOrNew("tunnels").Set("odd", new YamlMapping().Set("remote", "yes").Set("key", "a: b"));

        var text = YamlWriter.Write(root, "# header");
        Assert.Equal("""
            # header
            network:
              version: 2
              bridges:
                br0:
                  interfaces: [vport0]
                  addresses: [192.168.80.1/24, "fd00::1/64"]
                  routes:
                    - to: 10.80.2.0/24
                      via: 192.168.80.2
                      metric: 50
                  parameters:
                    stp: false
              ethernets:
                vport0: {}
              tunnels:
                odd:
                  remote: "yes"
                  key: "a: b"

            """.Replace("\r", "", StringComparison.Ordinal), text);
        var (again, error) = YamlReader.Parse("f", text);
        Assert.Null(error);
        Assert.Equal(text, YamlWriter.Write((YamlMapping)again!, "# header"));
        Assert.Equal("a: b", ((YamlMapping)again!).Map("network")!.Map("tunnels")!.Map("odd")!.Text("key"));
    }
}
