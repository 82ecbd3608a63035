using System.Text.Json.Nodes;
using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Issue 22: a host built with the admins' own tools (iproute2, ovs-vsctl, nmcli), following
/// their documentation, read by `nettui show all --json`, and every field NetTui shows for
/// those objects compared with what the tools themselves print as JSON (`ip -d -j link`,
/// `ip -j addr/route/rule/nexthop`, `bridge -j fdb`, `ovs-vsctl --format=json`, nmcli -t).
/// The test prints how many fields it checked and how many were right, and fails on any wrong.
/// </summary>
public sealed class FidelityLabTests
{
    private static readonly string[] IpSetup =
    [
        "link set lo up",
        "link add a0 type veth peer name a1", "link set a0 up", "link set a1 up",
        "link set a0 alias uplink-to-lab", "link property add dev a0 altname uplink0",
        "addr add 192.0.2.1/24 dev a0", "addr add 192.0.2.5/24 dev a0 label a0:sec",
        "addr add 10.77.0.1 peer 10.77.0.2/32 dev a0", "addr add 198.51.100.1/24 dev a0 noprefixroute",
        "-6 addr add 2001:db8::1/64 dev a0 nodad", "-6 addr add 2001:db8:9::1/64 dev a0 valid_lft 600 preferred_lft 0 nodad",
        "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 remote 192.0.2.9 dev a0 nolearning",
        "link add vx1 type vxlan id 43 group 239.1.1.1 dev a0 dstport 4790",
        "link add mv0 link a0 type macvlan mode bridge", "link add mt0 link a0 type macvtap mode vepa",
        "tuntap add tap9 mode tap", "tuntap add tun9 mode tun multi_queue", "link add ifb0 type ifb",
        "route add 10.1.0.0/16 via 192.0.2.2 dev a0 mtu 1400 advmss 1360",
        "route add 10.2.0.0/16 via 10.99.0.1 dev a0 onlink",
        "route add 10.3.0.0/16 nexthop via 192.0.2.2 dev a0 weight 3 nexthop via 192.0.2.3 dev a0 weight 1",
        "route add 10.4.0.0/16 via inet6 2001:db8::2 dev a0",
        "-6 route add 2001:db8:6::/64 nexthop via 2001:db8::2 dev a0 weight 2 nexthop via 2001:db8::3 dev a0",
        "nexthop add id 10 via 192.0.2.2 dev a0", "nexthop add id 11 via 192.0.2.3 dev a0",
        "nexthop add id 12 group 10,2/11", "nexthop add id 20 blackhole", "route add 10.5.0.0/16 nhid 12",
        "rule add from 10.0.0.0/8 table 100 pref 1000", "rule add fwmark 0x10/0xff iif a0 table 300 pref 999",
        "rule add not from 10.1.0.0/16 to 10.2.0.0/16 table 101 pref 2000", "rule add from 10.3.0.0/16 blackhole pref 2001",
        "rule add ipproto tcp dport 443 table 102 pref 2003", "-6 rule add to 2001:db8::/32 lookup 200 prio 900",
        "link add vo0 type veth peer name vo1", "link set vo0 up",
    ];

    [Fact]
    public async Task Every_field_nettui_shows_matches_the_tools_json()
    {
        await using var host = await LabHost.CreateAsync();
        foreach (var line in IpSetup) await host.CheckedAsync(["ip", .. line.Split(' ')]);
        await host.CheckedAsync("bridge", "fdb", "append", "00:00:00:00:00:00", "dev", "vx0", "dst", "192.0.2.10");
        await host.CheckedAsync("bridge", "fdb", "add", "02:00:00:00:00:05", "dev", "vx0", "dst", "192.0.2.11", "self", "permanent");

        var ovs = await LabOvs.StartAsync(host);
        await ovs.AddBridgeAsync("br-int");
        await ovs.VsctlCheckedAsync("set", "bridge", "br-int", "fail_mode=secure", "stp_enable=true");
        await ovs.VsctlCheckedAsync("set-controller", "br-int", "tcp:127.0.0.1:6653");
        await ovs.VsctlCheckedAsync("add-port", "br-int", "trunk0", "trunks=10,20", "vlan_mode=native-untagged", "--", "set", "interface", "trunk0", "type=internal");
        await ovs.VsctlCheckedAsync("add-port", "br-int", "acc0", "tag=10", "--", "set", "interface", "acc0", "type=internal", "mtu_request=1400");
        await ovs.VsctlCheckedAsync("add-br", "fake10", "br-int", "10");
        await ovs.VsctlCheckedAsync("add-bond", "br-int", "bond0", "bm0", "bm1", "bond_mode=balance-slb", "lacp=active",
            "--", "set", "interface", "bm0", "type=internal", "--", "set", "interface", "bm1", "type=internal");
        await ovs.VsctlCheckedAsync("add-port", "br-int", "flow0", "--", "set", "interface", "flow0", "type=gre", "options:remote_ip=flow", "options:key=flow");
        await ovs.VsctlCheckedAsync("add-port", "br-int", "vo0");
        // A kernel-datapath bridge: this kernel has no openvswitch module, so ovs-vswitchd never creates it.
        await ovs.VsctlNoWaitAsync("add-br", "br-sys", "--", "set", "bridge", "br-sys", "datapath_type=system");

        var nm = await LabNetworkManager.StartAsync(host);
        await nm.NmcliCheckedAsync("connection", "add", "type", "bridge", "ifname", "br5", "con-name", "manual-br5", "autoconnect", "no",
            "ipv4.method", "manual", "ipv4.addresses", "10.5.0.1/24", "ipv6.method", "disabled");
        await nm.NmcliCheckedAsync("connection", "up", "manual-br5");
        await nm.NmcliCheckedAsync("connection", "add", "type", "bridge", "ifname", "br6", "con-name", "boot-br6", "autoconnect", "yes",
            "ipv4.method", "manual", "ipv4.addresses", "10.6.0.1/24", "ipv6.method", "disabled");
        await host.WaitUntilSettledAsync();

        var run = await NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = nm.BusAddress },
            "show", "all", "--json", "--netns", host.Name, "--ovs-db", ovs.DbTarget);
        var snap = NettuiCli.ParseSnapshot(run);
        var tally = new FieldTally();

        await FidelityChecks.LinksAsync(host, snap, tally);
        await FidelityChecks.RoutingAsync(host, snap, tally);
        await FidelityChecks.OvsAsync(ovs, snap, tally);
        await FidelityChecks.NetworkManagerAsync(nm, snap, tally);
        FidelityChecks.Boot(snap, tally);

        TestContext.Current.TestOutputHelper?.WriteLine($"fidelity: {tally.Summary}");
        Console.WriteLine($"fidelity: {tally.Summary}");
        Assert.True(tally.Wrong.Count == 0, $"{tally.Summary}; wrong:\n" + string.Join("\n", tally.Wrong));
        Assert.True(tally.Checked > 150, tally.Summary);
    }
}
