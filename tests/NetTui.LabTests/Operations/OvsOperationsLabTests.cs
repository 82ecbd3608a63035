using NetTui.Core.Operations;
using NetTui.Host.Changes;

namespace NetTui.LabTests.Operations;

/// <summary>OVS operations against a lab OVS (userspace datapath), checked with ovs-vsctl, then inverted.</summary>
public sealed class OvsOperationsLabTests
{
    private static async Task<string> Vsctl(OpsLab lab, params string[] args) =>
        (await lab.Ovs!.VsctlCheckedAsync(args)).StandardOutput.Trim();

    [Fact]
    public async Task Create_ovs_bridge_then_its_inverse()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new CreateOvsBridge("obr0", "netdev"));
        Assert.Equal("obr0", await Vsctl(lab, "list-br"));
        Assert.Equal("netdev", await Vsctl(lab, "get", "bridge", "obr0", "datapath_type"));
        Assert.True((await lab.Host.RunAsync("ip", "link", "show", "obr0")).Succeeded, "the internal port is a tap in the namespace");
        await lab.UndoAsync(r);
        Assert.Equal("", await Vsctl(lab, "list-br"));
        SnapshotShape.Equal(before, await lab.ReadAsync(), "ovs bridge add + inverse");
    }

    [Fact]
    public async Task Gre_port_is_made_in_one_transaction_with_no_error_row()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ovs!.AddBridgeAsync("obr0");
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new AddOvsGrePort("obr0", "gre0", "192.168.42.131", Key: "42"));
        Assert.Equal("gre", await Vsctl(lab, "get", "interface", "gre0", "type"));
        Assert.Equal("\"192.168.42.131\"", await Vsctl(lab, "get", "interface", "gre0", "options:remote_ip"));
        Assert.Equal("\"42\"", await Vsctl(lab, "get", "interface", "gre0", "options:key"));
        Assert.Equal("[]", await Vsctl(lab, "get", "interface", "gre0", "error"));
        Assert.Single(r.Operations[0].Steps);

        await lab.UndoAsync(r);
        Assert.Equal("", await Vsctl(lab, "list-ports", "obr0"));
        SnapshotShape.Equal(before, await lab.ReadAsync(), "gre port + inverse");
    }

    [Fact]
    public async Task Delete_ovs_bridge_with_ports_and_linux_master_then_its_inverse()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ip("link", "add", "br0", "type", "bridge");
        await lab.Ip("addr", "add", "192.168.1.1/24", "dev", "br0");
        await lab.Ip("link", "set", "br0", "up");
        await lab.Ovs!.AddBridgeAsync("obr0");
        await lab.Ovs.AddGrePortAsync("obr0", "gre0", "10.10.0.2", "7");
        await lab.Ip("link", "set", "obr0", "master", "br0");
        await lab.Ip("link", "set", "obr0", "up");
        var before = await lab.ReadAsync();

        var r = await lab.ApplyAsync(new DeleteOvsBridge("obr0"));
        Assert.Equal("", await Vsctl(lab, "list-br"));
        await lab.UndoAsync(r);
        Assert.Equal("br0", (string?)(await lab.Host.IpJsonAsync("link", "show", "obr0"))[0]!["master"]);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "ovs bridge del + inverse");
    }

    [Fact]
    public async Task Delete_port_then_its_inverse()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ovs!.AddBridgeAsync("obr0");
        await lab.Ovs.AddGrePortAsync("obr0", "gre0", "10.10.0.2");
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new DeleteOvsPort("obr0", "gre0"));
        Assert.Equal("", await Vsctl(lab, "list-ports", "obr0"));
        Assert.IsType<AddOvsGrePort>(r.Operations[0].Inverse);
        await lab.UndoAsync(r);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "port del + inverse");
    }

    [Fact]
    public async Task Ovs_internal_port_joins_a_linux_bridge_like_the_seed()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ip("link", "add", "br0", "type", "bridge");
        await lab.Ovs!.AddBridgeAsync("obr0");
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new AttachToBridge("br0", "obr0"));
        Assert.Contains(await lab.Host.BridgeJsonAsync("link", "show"), p => (string?)p!["ifname"] == "obr0" && (string?)p["master"] == "br0");
        await lab.UndoAsync(r);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "attach obr0 + inverse");
    }

    [Fact]
    public async Task Without_ovsdb_the_change_is_refused_with_the_reason()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: false);
        var r = await lab.Executor().ApplyAsync(new CreateOvsBridge("obr0", "netdev"), lab.Context, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Rejected, r.Outcome);
        Assert.Equal("ovs", r.Errors[0].Field);
        Assert.Contains("database connection failed", r.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_a_typed_port_then_its_inverse()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ovs!.AddBridgeAsync("obr0");
        var before = await lab.ReadAsync();
        var r = await lab.ApplyAsync(new AddOvsPort("obr0", "vx0", "vxlan")
        {
            Options = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("remote_ip", "10.20.0.2").Add("key", "flow"),
        });
        Assert.Equal("vxlan", await Vsctl(lab, "get", "interface", "vx0", "type"));
        Assert.Equal("flow", await Vsctl(lab, "get", "interface", "vx0", "options:key"));
        await lab.UndoAsync(r);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "typed port + inverse");
    }
}
