using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Counters for real: a fixed volume (busybox nc) through a veth pair and through the OVS
/// GRE tunnel; `nettui stats` agrees with `ip -s -j link` and `ovs-vsctl get interface gre0
/// statistics` read around it, its rate times its interval is the volume within 10%, and a
/// device deleted and re-created never shows a negative (or wrapped) rate.
/// </summary>
public sealed class TrafficLabTests
{
    private const int Volume = 1_000_000;

    private static Task<ExecResult> StatsAsync(LabHost host, string interval, string count, params string[] extra) =>
        NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string>(),
            ["stats", "--json", "--netns", host.Name, "--interval", interval, "--count", count, .. extra]);

    private static async Task<(LabHost A, LabHost B)> VethPairAsync()
    {
        var a = await LabHost.CreateAsync();
        var b = await LabHost.CreateAsync();
        await a.ConnectAsync("tva", b, "tvb");
        await a.CheckedAsync("ip", "addr", "add", "10.20.0.1/24", "dev", "tva");
        await b.CheckedAsync("ip", "addr", "add", "10.20.0.2/24", "dev", "tvb");
        await a.WaitUntilSettledAsync();
        await b.WaitUntilSettledAsync();
        return (a, b);
    }

    [Fact]
    public async Task Veth_rate_over_one_interval_is_the_volume_sent_within_ten_percent()
    {
        var (a, b) = await VethPairAsync();
        await using var _ = a;
        await using var __ = b;
        // The first read is made at start; the volume goes through well inside the interval.
        var stats = StatsAsync(b, "5", "1");
        await Task.Delay(2500, TestContext.Current.CancellationToken);
        await TrafficLab.SendAsync(a, b, "10.20.0.2", Volume);
        var line = Assert.Single(TrafficLab.Lines(await stats));
        var rate = TrafficLab.Device(line, "link", "tvb")!.Value.GetProperty("rate");
        var received = rate.GetProperty("rxBytesPerSecond").GetDouble() * rate.GetProperty("intervalSeconds").GetDouble();
        Assert.InRange(received, Volume * 0.9, Volume * 1.1);
    }

    [Fact]
    public async Task Veth_counters_agree_with_ip_read_in_the_same_instant()
    {
        var (a, b) = await VethPairAsync();
        await using var _ = a;
        await using var __ = b;
        await TrafficLab.SendAsync(a, b, "10.20.0.2", Volume);
        var before = await TrafficLab.IpCountersAsync(b, "tvb");
        var line = TrafficLab.Lines(await StatsAsync(b, "0.1", "1"))[0];
        var after = await TrafficLab.IpCountersAsync(b, "tvb");
        var tvb = TrafficLab.Device(line, "link", "tvb")!.Value;
        // ip before <= nettui <= ip after: equal unless a packet (IPv6 ND) crossed during the reads.
        Assert.InRange(TrafficLab.Counter(tvb, "rxBytes"), before.RxBytes, after.RxBytes);
        Assert.InRange(TrafficLab.Counter(tvb, "txBytes"), before.TxBytes, after.TxBytes);
        Assert.InRange(TrafficLab.Counter(tvb, "rxPackets"), before.RxPackets, after.RxPackets);
        Assert.InRange(TrafficLab.Counter(tvb, "txPackets"), before.TxPackets, after.TxPackets);
        Assert.True(before.RxBytes >= Volume);
        // show --json carries the same counters on the link.
        var show = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(b.StateDir, new Dictionary<string, string>(), "show", "links", "--json", "--netns", b.Name));
        Assert.InRange(show.FindLink("tvb")!.Counters!.RxBytes, before.RxBytes, after.RxBytes + 10_000);
    }

    [Fact]
    public async Task A_device_deleted_and_recreated_shows_no_negative_rate()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "tr0", "type", "veth", "peer", "name", "tr1");
        await host.CheckedAsync("ip", "link", "set", "tr0", "up");
        await host.CheckedAsync("ip", "link", "set", "tr1", "up");
        // tr0 is re-created over and over while stats reads, whenever its process starts reading.
        var stats = StatsAsync(host, "0.5", "8");
        while (!stats.IsCompleted)
        {
            await Task.Delay(700, TestContext.Current.CancellationToken);
            await host.CheckedAsync("ip", "link", "del", "tr0");
            await host.CheckedAsync("ip", "link", "add", "tr0", "type", "veth", "peer", "name", "tr1");
            await host.CheckedAsync("ip", "link", "set", "tr0", "up");
        }
        var lines = TrafficLab.Lines(await stats);
        Assert.Equal(8, lines.Count);
        foreach (var line in lines)
            foreach (var d in line.GetProperty("devices").EnumerateArray())
                if (d.GetProperty("rate").ValueKind != System.Text.Json.JsonValueKind.Null)
                    foreach (var key in new[] { "rxBytesPerSecond", "txBytesPerSecond", "rxPacketsPerSecond", "txPacketsPerSecond" })
                        Assert.InRange(d.GetProperty("rate").GetProperty(key).GetDouble(), 0, 1e9); // a wrapped delta would be ~1.8e19
        var seen = lines.Select(l => TrafficLab.Device(l, "link", "tr0")).Where(d => d is not null).Select(d => d!.Value).ToList();
        var identities = seen.Select(d => d.GetProperty("identity").GetString()).Distinct().ToList();
        Assert.True(identities.Count >= 2, "tr0 was re-created with a new ifindex while stats ran");
        // The first report of each new device has no rate: there is nothing to compare it with.
        foreach (var identity in identities.Skip(1))
        {
            var first = seen.First(d => d.GetProperty("identity").GetString() == identity);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("rate").ValueKind);
        }
    }

    [Fact]
    public async Task Gre_tunnel_counters_agree_with_ovs_statistics()
    {
        await using var a = await LabHost.CreateAsync();
        await using var b = await LabHost.CreateAsync();
        await a.ConnectAsync("phy-a", b, "phy-b");
        var ovsA = await LabOvs.StartAsync(a);
        var ovsB = await LabOvs.StartAsync(b);
        await OvsGreTests.SetUpSideAsync(a, ovsA, "phy-a", "10.10.0.1/24", "10.10.0.2", "192.168.77.1/24");
        await OvsGreTests.SetUpSideAsync(b, ovsB, "phy-b", "10.10.0.2/24", "10.10.0.1", "192.168.77.2/24");
        // TCP's full-size segments plus GRE's headers would not fit the 1500-byte underlay.
        await a.CheckedAsync("ip", "link", "set", "br-int", "mtu", "1400");
        await b.CheckedAsync("ip", "link", "set", "br-int", "mtu", "1400");
        ExecResult? ping = null;
        for (var i = 0; i < 5 && ping is not { Succeeded: true }; i++)
            ping = await a.RunAsync("ping", "-c", "1", "-W", "2", "192.168.77.2");
        Assert.True(ping!.Succeeded, ping.StandardOutput + ping.StandardError);

        const int TunnelVolume = 200_000;
        var start = await TrafficLab.OvsStatisticsAsync(ovsA, "gre0");
        await TrafficLab.SendAsync(a, b, "192.168.77.2", TunnelVolume);
        // ovs-vswitchd refreshes statistics about every 5 s.
        await LabWait.UntilAsync("gre0's statistics to count the volume", async () =>
            (await TrafficLab.OvsStatisticsAsync(ovsA, "gre0"))["tx_bytes"] >= start.GetValueOrDefault("tx_bytes") + TunnelVolume,
            TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));

        var before = await TrafficLab.OvsStatisticsAsync(ovsA, "gre0");
        var line = TrafficLab.Lines(await StatsAsync(a, "0.1", "1", "--ovs-db", ovsA.DbTarget))[0];
        var after = await TrafficLab.OvsStatisticsAsync(ovsA, "gre0");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("ovsFailure").ValueKind);
        var gre0 = TrafficLab.Device(line, "ovs", "gre0")!.Value;
        foreach (var (key, stat) in new[] { ("txBytes", "tx_bytes"), ("rxBytes", "rx_bytes"), ("txPackets", "tx_packets"), ("rxPackets", "rx_packets") })
            Assert.InRange(TrafficLab.Counter(gre0, key), before[stat], after[stat]);
    }
}
