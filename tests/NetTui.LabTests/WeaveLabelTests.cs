using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Weave Net's footprint as the kernel shows it (a bridge named weave, vethwe-* veths into
/// it) is recognised and labelled; look-alikes are not.
/// </summary>
public sealed class WeaveLabelTests
{
    [Fact]
    public async Task The_weave_bridge_and_vethwe_links_are_labelled_weave_and_others_are_not()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "weave", "type", "bridge");
        await host.CheckedAsync("ip", "link", "add", "vethwe-bridge", "type", "veth", "peer", "name", "vethwe-datapath");
        await host.CheckedAsync("ip", "link", "set", "vethwe-bridge", "master", "weave");
        await host.CheckedAsync("ip", "link", "add", "weavenot", "type", "bridge");
        await host.CheckedAsync("ip", "link", "add", "vethx", "type", "veth", "peer", "name", "vethy");

        var snap = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string>(), "show", "links", "--json", "--netns", host.Name));

        foreach (var name in new[] { "weave", "vethwe-bridge", "vethwe-datapath" })
            Assert.Equal("weave", snap.FindLink(name)!.Label);
        foreach (var name in new[] { "weavenot", "vethx", "vethy", "lo" })
            Assert.Null(snap.FindLink(name)!.Label);
        Assert.Equal(LinkKind.Bridge, snap.FindLink("weave")!.Kind);
        Assert.Equal("weave", snap.FindLink("vethwe-bridge")!.Master);
    }
}
