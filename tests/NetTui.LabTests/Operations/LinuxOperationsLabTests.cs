using System.Text.Json.Nodes;
using NetTui.Core.Operations;
using NetTui.Host.Changes;

namespace NetTui.LabTests.Operations;

/// <summary>
/// Each iproute2 operation applied to a real namespace, checked with `ip -j` / `bridge -j`
/// (not with NetTui's own inventory), then its inverse applied and the host compared with
/// how it was before.
/// </summary>
public sealed class LinuxOperationsLabTests
{
    private static async Task<OpsLab> HostWithVethsAsync()
    {
        var lab = await OpsLab.CreateAsync();
        await lab.Ip("link", "add", "va0", "type", "veth", "peer", "name", "vb0");
        await lab.Ip("link", "add", "va1", "type", "veth", "peer", "name", "vb1");
        foreach (var l in new[] { "va0", "vb0", "va1", "vb1" }) await lab.Ip("link", "set", l, "up");
        await lab.Ip("addr", "add", "10.30.0.1/24", "dev", "va1");
        return lab;
    }

    private static async Task<JsonObject> LinkAsync(OpsLab lab, string name) =>
        (JsonObject)(await lab.Host.IpJsonAsync("-d", "addr", "show", "dev", name))[0]!;

    private static bool HasAddress(JsonObject link, string address, int prefix) =>
        (link["addr_info"]?.AsArray() ?? []).Any(a => (string?)a!["local"] == address && (int?)a["prefixlen"] == prefix);

    [Fact]
    public async Task Create_bridge_then_its_inverse()
    {
        await using var lab = await HostWithVethsAsync();
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new CreateBridge("br0", "192.168.100.1 255.255.255.0", Stp: true) { Ports = ["va0"] });

        var br = await LinkAsync(lab, "br0");
        Assert.Equal("bridge", (string?)br["linkinfo"]!["info_kind"]);
        Assert.Equal(1, (int?)br["linkinfo"]!["info_data"]!["stp_state"]);
        Assert.True(HasAddress(br, "192.168.100.1", 24));
        Assert.Contains("UP", br["flags"]!.AsArray().Select(f => (string?)f));
        var ports = await lab.Host.BridgeJsonAsync("link", "show");
        Assert.Contains(ports, p => (string?)p!["ifname"] == "va0" && (string?)p["master"] == "br0");

        await lab.UndoAsync(r);
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br0")).Succeeded);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "create bridge + inverse");
    }

    [Fact]
    public async Task Delete_bridge_then_its_inverse_brings_back_addresses_ports_and_routes()
    {
        await using var lab = await HostWithVethsAsync();
        await lab.Ip("link", "add", "br0", "type", "bridge", "stp_state", "1");
        await lab.Ip("addr", "add", "192.168.1.1/24", "dev", "br0");
        await lab.Ip("addr", "add", "192.168.9.1/24", "dev", "br0");
        await lab.Ip("link", "set", "va0", "master", "br0");
        await lab.Ip("link", "set", "br0", "up");
        await lab.Ip("route", "add", "192.168.2.0/24", "dev", "br0", "metric", "20");
        var before = await lab.ReadAsync();

        var r = await lab.ApplyAsync(new DeleteBridge("br0"));
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br0")).Succeeded);
        Assert.Empty(await lab.Host.IpJsonAsync("route", "show", "192.168.2.0/24"));

        await lab.UndoAsync(r);
        var routes = await lab.Host.IpJsonAsync("route", "show", "192.168.2.0/24");
        Assert.Equal(20, (int?)Assert.Single(routes)!["metric"]);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "delete bridge + inverse");
    }

    [Fact]
    public async Task Add_and_remove_address()
    {
        await using var lab = await HostWithVethsAsync();
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new AddAddress("va0", "192.168.40.100/255.255.255.0"));
        Assert.True(HasAddress(await LinkAsync(lab, "va0"), "192.168.40.100", 24));
        var undo = await lab.UndoAsync(r);
        Assert.False(HasAddress(await LinkAsync(lab, "va0"), "192.168.40.100", 24));
        Assert.IsType<RemoveAddress>(r.Operations[0].Inverse);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "address add + inverse");
        await lab.UndoAsync(undo);
        Assert.True(HasAddress(await LinkAsync(lab, "va0"), "192.168.40.100", 24));
    }

    [Fact]
    public async Task Attach_and_detach()
    {
        await using var lab = await HostWithVethsAsync();
        await lab.Ip("link", "add", "br0", "type", "bridge");
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new AttachToBridge("br0", "va0"));
        Assert.Contains(await lab.Host.BridgeJsonAsync("link", "show"), p => (string?)p!["ifname"] == "va0" && (string?)p["master"] == "br0");
        var undo = await lab.UndoAsync(r);
        Assert.DoesNotContain(await lab.Host.BridgeJsonAsync("link", "show"), p => (string?)p!["ifname"] == "va0");
        SnapshotShape.Equal(before, await lab.ReadAsync(), "attach + inverse");
        Assert.Equal(new AttachToBridge("br0", "va0"), undo.Operations[0].Inverse);
    }

    [Fact]
    public async Task Link_down_up_and_mtu()
    {
        await using var lab = await HostWithVethsAsync();
        await lab.Ip("route", "add", "10.31.0.0/16", "via", "10.30.0.2", "dev", "va1", "metric", "5");
        var before = await lab.ReadAsync();

        var down = await lab.ApplyAsync(new SetLinkState("va1", false));
        Assert.DoesNotContain("UP", (await LinkAsync(lab, "va1"))["flags"]!.AsArray().Select(f => (string?)f));
        await lab.UndoAsync(down);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "link down + inverse (routes come back)");

        var mtu = await lab.ApplyAsync(new SetMtu("va1", "1400"));
        Assert.Equal(1400, (int?)(await LinkAsync(lab, "va1"))["mtu"]);
        await lab.UndoAsync(mtu);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "mtu + inverse");
    }

    [Fact]
    public async Task Routes_with_gateway_metric_and_table()
    {
        await using var lab = await HostWithVethsAsync();
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new AddRoute("192.168.2.0/24", "10.30.0.131", "va1", "7", "100"));
        var route = Assert.Single(await lab.Host.IpJsonAsync("route", "show", "table", "100"))!;
        Assert.Equal("192.168.2.0/24", (string?)route["dst"]);
        Assert.Equal("10.30.0.131", (string?)route["gateway"]);
        Assert.Equal(7, (int?)route["metric"]);
        await lab.UndoAsync(r);
        Assert.Empty(await lab.Host.IpJsonAsync("route", "show", "table", "100"));
        SnapshotShape.Equal(before, await lab.ReadAsync(), "route add + inverse");

        // Refused: a gateway no address of the host covers. Nothing ran.
        var refused = await lab.Executor().ApplyAsync(new AddRoute("192.168.3.0/24", "172.16.0.1"), lab.Context, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Rejected, refused.Outcome);
        Assert.Equal("via", refused.Errors[0].Field);
    }

    [Fact]
    public async Task Delete_route_then_its_inverse()
    {
        await using var lab = await HostWithVethsAsync();
        await lab.Ip("route", "add", "192.168.5.0/24", "via", "10.30.0.9", "metric", "3");
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new DeleteRoute("192.168.5.0/24"));
        Assert.Empty(await lab.Host.IpJsonAsync("route", "show", "192.168.5.0/24"));
        await lab.UndoAsync(r);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "route del + inverse");
    }

    [Fact]
    public async Task Kernel_gre_tunnel_fails_cleanly_where_ip_gre_is_missing()
    {
        await using var lab = await HostWithVethsAsync();
        var before = await lab.ReadAsync();
        var r = await lab.Executor().ApplyAsync(new CreateIpTunnel("gre1", "gre", "10.30.0.2", "10.30.0.1", "5", "64"), lab.Context, ct: TestContext.Current.CancellationToken);
        if (r.Outcome == ChangeOutcome.Applied)
        {
            // A kernel with ip_gre: then the tunnel must be exactly what was asked, and its inverse must work.
            var info = (await LinkAsync(lab, "gre1"))["linkinfo"]!["info_data"]!;
            Assert.Equal("10.30.0.2", (string?)info["remote"]);
            await lab.UndoAsync(r);
        }
        else
        {
            Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal(0, r.FailedStep!.Step);
            Assert.Contains("ip link add name gre1 type gre", r.FailedStep.Error, StringComparison.Ordinal);
        }
        SnapshotShape.Equal(before, await lab.ReadAsync(), "tunnel add");
    }

    [Fact]
    public async Task Docker_daemon_json_is_edited_backed_up_and_restored()
    {
        await using var lab = await HostWithVethsAsync();
        await lab.Ip("link", "add", "br0", "type", "bridge");
        await lab.Ip("addr", "add", "192.168.100.1/24", "dev", "br0");
        var path = lab.Context.DaemonJsonPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "{ \"log-level\": \"warn\" }", TestContext.Current.CancellationToken);

        var r = await lab.ApplyAsync(new SetDockerDefaultBridge("br0"));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
        Assert.Equal("br0", (string?)json["bridge"]);
        Assert.Equal("warn", (string?)json["log-level"]);
        Assert.Equal("{ \"log-level\": \"warn\" }", await File.ReadAllTextAsync(path + ".nettui.bak", TestContext.Current.CancellationToken));
        Assert.Contains(r.Notes, n => n.Contains("restart", StringComparison.Ordinal));

        await lab.UndoAsync(r);
        var back = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsObject();
        Assert.False(back.ContainsKey("bridge"));
        Assert.Equal("warn", (string?)back["log-level"]);
    }
}
