using System.Text.Json.Nodes;
using NetTui.Cli;
using NetTui.Cli.Render;
using NetTui.Cli.Show;
using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Host.Inventory;
using NetTui.UnitTests.Persistence;

namespace NetTui.UnitTests.Cli;

/// <summary>`nettui show all` with the BOOT column, and `nettui show drift` (text and --json), on the sample snapshot.</summary>
public class ShowPersistenceTests
{
    private static HostSnapshot Persisted() => PersistenceAnnotator.Annotate(PlannerTests.Host(
        PlannerTests.Profile("nettui-br0", "bridge", "br0", managed: true, addresses: ["192.168.100.1/24"],
            routes: [new NmProfileRoute("10.20.0.0/16", "192.168.100.254", 50, null)]),
        PlannerTests.Profile("nettui-br7", "bridge", "br7", managed: true, addresses: ["192.168.7.1/24"])) with { Namespace = null });

    private static async Task<(int Code, string Out, FixedInventory Inventory)> Run(HostSnapshot snapshot, params string[] args)
    {
        var o = new StringWriter();
        var inventory = new FixedInventory(snapshot);
        var ctx = new CliContext(o, new StringWriter()) { InventoryFactory = (_, _) => inventory };
        var code = await NetTuiCli.RunAsync([.. args, "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken);
        return (code, o.ToString(), inventory);
    }

    [Fact]
    public void Tables_get_a_BOOT_column_when_persistence_is_known()
    {
        var s = Persisted();
        var links = LinksView.Render(s);
        Assert.StartsWith("INDEX  NAME   KIND            STATE            BOOT           MTU", links[0], StringComparison.Ordinal);
        var br0 = links.Single(l => l.StartsWith("2 ", StringComparison.Ordinal));
        Assert.Contains(" NM:nettui-br0 ", br0, StringComparison.Ordinal);
        Assert.EndsWith("192.168.100.1/24 (NM:nettui-br0)", br0, StringComparison.Ordinal);
        Assert.Contains(links, l => l.Contains(" weave ", StringComparison.Ordinal) && l.Contains(" lost ", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains(" obr0 ", StringComparison.Ordinal) && l.Contains(" OVSDB ", StringComparison.Ordinal));

        var routes = RoutesView.Render(s);
        Assert.EndsWith("TYPE     BOOT", routes[0], StringComparison.Ordinal);
        Assert.EndsWith("unicast  NM:nettui-br0", routes.Single(l => l.Contains("10.20.0.0/16", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("unicast  lost", routes.Single(l => l.Contains("default", StringComparison.Ordinal) && l.StartsWith("ipv4", StringComparison.Ordinal)), StringComparison.Ordinal);

        var bridges = BridgesView.Render(s);
        Assert.Equal("BRIDGE NAME  BRIDGE ID          STP ENABLED  BOOT           INTERFACES", bridges[0]);
        Assert.Equal("br0          8000.066d597ceb8d  yes          NM:nettui-br0  obr0 (forwarding, OVSDB)", bridges[1]);
        Assert.Equal("                                                            vp1 (forwarding, lost)", bridges[2]);
        Assert.StartsWith("weave        8000.7e6ffbf97eae  no           lost ", bridges[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_drift_reads_everything_and_lists_each_difference_with_its_fix()
    {
        var (code, text, inventory) = await Run(Persisted(), "show", "drift");
        Assert.Equal(0, code);
        Assert.Equal(InventoryParts.All, inventory.Asked);
        Assert.Contains("NetworkManager: ok", text, StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("device missing ", StringComparison.Ordinal) && l.Contains("profile nettui-br7 builds br7 at boot", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("runtime bridge ", StringComparison.Ordinal) && l.Contains("weave", StringComparison.Ordinal));
        Assert.Contains("  br7: nmcli connection up nettui-br7 builds it now", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_drift_json_has_each_item_with_kind_interface_profile_and_fix()
    {
        var (code, json, _) = await Run(Persisted(), "show", "drift", "--json");
        Assert.Equal(0, code);
        var doc = JsonNode.Parse(json)!;
        Assert.True((bool)doc["networkManagerAvailable"]!);
        var drift = doc["drift"]!.AsArray();
        var missing = drift.Single(d => (string?)d!["kind"] == "profileDeviceMissing")!;
        Assert.Equal("br7", (string?)missing["object"]);
        Assert.Equal("br7", (string?)missing["interface"]);
        Assert.Equal("nettui-br7", (string?)missing["profile"]);
        Assert.StartsWith("nmcli connection up nettui-br7", (string?)missing["fix"], StringComparison.Ordinal);
        Assert.Contains(drift, d => (string?)d!["kind"] == "runtimeBridge" && (string?)d["object"] == "weave");
    }

    [Fact]
    public async Task Show_drift_without_NetworkManager_says_so_and_still_lists_runtime_bridges()
    {
        var (code, text, _) = await Run(SampleSnapshot.Create() with { Namespace = null }, "show", "drift");
        Assert.Equal(0, code);
        Assert.Contains("NetworkManager: DOWN", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), l => l.StartsWith("runtime bridge ", StringComparison.Ordinal) && l.Contains(" br0 ", StringComparison.Ordinal));
    }
}
