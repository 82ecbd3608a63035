using NetTui.Lab;

namespace NetTui.LabTests.Persistence.Backends;

/// <summary>
/// Open vSwitch and VXLAN through ifupdown: nettui makes an OVS bridge obr0 (netdev datapath) with
/// a GRE port, and a kernel VXLAN, on a host configured by /etc/network/interfaces; after a
/// simulated reboot with an empty OVSDB (so only the files can bring them back), `ifup -a` with
/// Debian's openvswitch-switch hook (ovs_type stanzas) makes obr0 and gre1 again, checked with
/// ovs-vsctl, and the VXLAN from its stanza, checked with ip.
/// </summary>
public sealed class IfupdownOvsRebootTests
{
    [Fact]
    public async Task Ovs_bridge_with_a_gre_port_and_a_vxlan_come_back_with_ifup()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await LabHost.CreateAsync();
        var ifupdown = await LabIfupdown.CreateAsync(host);
        var ovs = await LabOvs.StartAsync(host);
        ifupdown.UseOvs(ovs);
        await BootNic.MakeAsync(host);
        await host.CheckedAsync("ip", "addr", "add", "192.168.70.1/24", "dev", "vport0");
        Task<ExecResult> Nettui(params string[] args) =>
            NettuiCli.RunAsync(host.StateDir, ifupdown.Environment, [.. args, "--netns", host.Name, "--probe", "none", "--ovs-db", ovs.DbTarget, "--persist-with", "ifupdown"]);

        foreach (var args in new[]
        {
            new[] { "ovs", "bridge", "add", "obr0", "--datapath", "netdev" },
            ["ovs", "gre", "add", "obr0", "gre1", "--remote", "203.0.113.2", "--key", "7"],
            ["vxlan", "add", "vx0", "--vni", "42", "--remote", "192.168.70.2", "--local", "192.168.70.1"],
        })
        {
            var r = await Nettui(args);
            Assert.True(r.Succeeded, string.Join(' ', args) + ": " + r.StandardOutput + r.StandardError);
        }
        var obr0 = await File.ReadAllTextAsync(ifupdown.InDirectory("nettui-obr0"), ct);
        Assert.Contains("auto obr0\nallow-ovs obr0\niface obr0 inet manual\n    ovs_type OVSBridge\n    ovs_extra set bridge ${IFACE} datapath_type=netdev\n    ovs_ports gre1\n", obr0, StringComparison.Ordinal);
        Assert.Contains("allow-obr0 gre1\niface gre1 inet manual\n    ovs_bridge obr0\n    ovs_type OVSTunnel\n    ovs_tunnel_type gre\n    ovs_tunnel_options options:key=7 options:remote_ip=203.0.113.2\n", obr0, StringComparison.Ordinal);
        Assert.Contains("    pre-up ip link add name vx0 type vxlan id 42 remote 192.168.70.2 local 192.168.70.1 dstport 4789\n",
            await File.ReadAllTextAsync(ifupdown.InDirectory("nettui-vx0"), ct), StringComparison.Ordinal);

        // The reboot: the kernel state and OVSDB are gone; the NIC (with its address, as DHCP would give) comes back first.
        await ovs.StopAsync();
        var boot = await ifupdown.RebootAsync(async () =>
        {
            await BootNic.MakeAsync(host);
            await host.CheckedAsync("ip", "addr", "add", "192.168.70.1/24", "dev", "vport0");
            await ovs.StartEmptyAsync();
        });
        Assert.True(boot.Succeeded, boot.StandardOutput + boot.StandardError);

        Assert.Equal("gre1", (await ovs.VsctlCheckedAsync("list-ports", "obr0")).StandardOutput.Trim());
        Assert.Equal("gre", (await ovs.VsctlCheckedAsync("get", "interface", "gre1", "type")).StandardOutput.Trim());
        Assert.Equal("{key=\"7\", remote_ip=\"203.0.113.2\"}", (await ovs.VsctlCheckedAsync("get", "interface", "gre1", "options")).StandardOutput.Trim());
        Assert.Equal("netdev", (await ovs.VsctlCheckedAsync("get", "bridge", "obr0", "datapath_type")).StandardOutput.Trim());
        var vx0 = Assert.Single(await host.IpJsonAsync("-d", "link", "show", "vx0"));
        Assert.Equal(42, (int?)vx0!["linkinfo"]!["info_data"]!["id"]);
    }
}
