using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// A veth whose other end lives in another named namespace: nettui reports the peer's
/// ifindex there, the netns id, and the namespace's name, as `ip` reports them.
/// </summary>
public sealed class VethPeerNamespaceTests
{
    [Fact]
    public async Task A_veth_to_another_named_namespace_reports_the_peer_index_netns_id_and_name()
    {
        await using var a = await LabHost.CreateAsync();
        await using var b = await LabHost.CreateAsync();
        await a.ConnectAsync("to-b", b, "to-a");

        var run = await NettuiCli.RunAsync(a.StateDir, new Dictionary<string, string>(), "show", "links", "--json", "--netns", a.Name);
        var snap = NettuiCli.ParseSnapshot(run);

        var ip = Assert.Single(await a.IpJsonAsync("-d", "link", "show", "dev", "to-b"))!;
        var peerInB = Assert.Single(await b.IpJsonAsync("link", "show", "dev", "to-a"))!;
        var nsid = (int)ip["link_netnsid"]!;
        // `ip netns list-id` in a: which named namespace that id stands for.
        var ids = await a.IpJsonAsync("netns", "list-id");
        var name = (string?)ids.Single(i => (int)i!["nsid"]! == nsid)!["name"];
        Assert.Equal(b.Name, name);

        var link = snap.FindLink("to-b")!;
        Assert.Equal(LinkKind.Veth, link.Kind);
        Assert.NotNull(link.Peer);
        Assert.Equal((int)peerInB["ifindex"]!, link.Peer.Index);
        Assert.Equal(nsid, link.Peer.NetnsId);
        Assert.Equal(b.Name, link.Peer.Namespace);
    }
}
