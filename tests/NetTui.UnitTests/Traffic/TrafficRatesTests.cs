using NetTui.Core.Model;
using NetTui.Core.Traffic;

namespace NetTui.UnitTests.Traffic;

/// <summary>Rates from counter deltas over a fake clock: resets (re-created device, counters going back) are never negative.</summary>
public class TrafficRatesTests
{
    private static LinkCounters Bytes(ulong rx, ulong tx, ulong packets = 0) => new(rx, tx, packets, packets, 0, 0, 0, 0);

    private static TrafficSource Link(string name, int index, LinkCounters c) => new(TrafficScope.Link, name, index.ToString(), c);

    [Fact]
    public void The_rate_is_the_delta_over_the_elapsed_time()
    {
        var clock = new FakeClock();
        var rates = new TrafficRates(clock);
        rates.Observe([Link("veth0", 5, Bytes(1_000, 500, 10))]);
        Assert.Null(rates.Rate(TrafficScope.Link, "veth0"));
        clock.Advance(TimeSpan.FromSeconds(2));
        rates.Observe([Link("veth0", 5, Bytes(21_000, 4_500, 30))]);
        var r = rates.Rate(TrafficScope.Link, "veth0")!.Value;
        Assert.Equal((10_000d, 2_000d, 10d, 10d), (r.RxBytesPerSecond, r.TxBytesPerSecond, r.RxPacketsPerSecond, r.TxPacketsPerSecond));
        Assert.Equal([12_000d], rates.History(TrafficScope.Link, "veth0"));
    }

    [Fact]
    public void A_counter_that_goes_back_is_a_reset_not_a_negative_rate()
    {
        var clock = new FakeClock();
        var rates = new TrafficRates(clock);
        rates.Observe([Link("veth0", 5, Bytes(9_000_000, 9_000_000))]);
        clock.Advance(TimeSpan.FromSeconds(1));
        rates.Observe([Link("veth0", 5, Bytes(100, 50))]);
        Assert.Null(rates.Rate(TrafficScope.Link, "veth0"));
        clock.Advance(TimeSpan.FromSeconds(1));
        rates.Observe([Link("veth0", 5, Bytes(1_100, 150))]);
        Assert.Equal(1_100d, rates.Rate(TrafficScope.Link, "veth0")!.Value.TotalBytesPerSecond);
    }

    [Fact]
    public void A_device_recreated_under_the_same_name_starts_again_even_when_its_counters_are_higher()
    {
        var clock = new FakeClock();
        var rates = new TrafficRates(clock);
        rates.Observe([Link("veth0", 5, Bytes(100, 100))]);
        clock.Advance(TimeSpan.FromSeconds(1));
        rates.Observe([Link("veth0", 5, Bytes(200, 200))]);
        Assert.NotNull(rates.Rate(TrafficScope.Link, "veth0"));
        clock.Advance(TimeSpan.FromSeconds(1));
        rates.Observe([Link("veth0", 9, Bytes(5_000, 5_000))]); // new ifindex: another device
        Assert.Null(rates.Rate(TrafficScope.Link, "veth0"));
        Assert.Empty(rates.History(TrafficScope.Link, "veth0"));
    }

    [Fact]
    public void No_elapsed_time_keeps_the_earlier_sample_and_rate()
    {
        var clock = new FakeClock();
        var rates = new TrafficRates(clock);
        rates.Observe([Link("a", 1, Bytes(0, 0))]);
        clock.Advance(TimeSpan.FromSeconds(1));
        rates.Observe([Link("a", 1, Bytes(100, 0))]);
        rates.Observe([Link("a", 1, Bytes(300, 0))]);
        Assert.Equal(100d, rates.Rate(TrafficScope.Link, "a")!.Value.RxBytesPerSecond);
        clock.Advance(TimeSpan.FromSeconds(1));
        rates.Observe([Link("a", 1, Bytes(400, 0))]);
        Assert.Equal(300d, rates.Rate(TrafficScope.Link, "a")!.Value.RxBytesPerSecond);
    }

    [Fact]
    public void History_keeps_sixty_seconds_and_gone_devices_are_forgotten()
    {
        var clock = new FakeClock();
        var rates = new TrafficRates(clock);
        for (ulong i = 0; i <= 90; i++)
        {
            rates.Observe([Link("a", 1, Bytes(i * 10, 0)), new TrafficSource(TrafficScope.Ovs, "a", "uuid", Bytes(i, 0))]);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(60, rates.History(TrafficScope.Link, "a").Length);
        Assert.All(rates.History(TrafficScope.Link, "a"), r => Assert.Equal(10d, r));
        Assert.Equal(1d, rates.Rate(TrafficScope.Ovs, "a")!.Value.RxBytesPerSecond);
        rates.Observe([Link("a", 1, Bytes(1_000, 0))]);
        Assert.Null(rates.Rate(TrafficScope.Ovs, "a"));
    }

    [Fact]
    public void Ovs_statistics_become_counters_and_an_empty_map_none()
    {
        var stats = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            new Dictionary<string, long> { ["rx_bytes"] = 1500, ["tx_bytes"] = 700, ["rx_packets"] = 12, ["tx_packets"] = 9, ["rx_dropped"] = 2, ["tx_errors"] = 1, ["collisions"] = 0 });
        Assert.Equal(new LinkCounters(1500, 700, 12, 9, 0, 1, 2, 0), LinkCounters.FromOvs(stats));
        Assert.Null(LinkCounters.FromOvs(System.Collections.Immutable.ImmutableSortedDictionary<string, long>.Empty));
    }
}
