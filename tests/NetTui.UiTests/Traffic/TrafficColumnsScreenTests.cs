using NetTui.Core.Model;
using NetTui.Core.Traffic;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Traffic;

/// <summary>
/// The traffic columns (`v`): off at start; on, Interfaces, Bridges (per port) and Containers
/// (by host veth) show RX/s, TX/s, drops and errors from the poller's read, sorting by RX/s
/// puts the busiest first, and the detail pane has the selected row's sparkline.
/// </summary>
[Collection(UiCollection.Name)]
public class TrafficColumnsScreenTests
{
    private sealed class StepClock : TimeProvider
    {
        public long Ticks = 1;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
    }

    /// <summary>Two reads one second apart: veth1a receives 1.5 KiB/s, vethd1 sends 50 KiB/s, eth0 receives 500 B/s.</summary>
    private static TrafficView Traffic()
    {
        var clock = new StepClock();
        var rates = new TrafficRates(clock);
        IEnumerable<TrafficSource> Read(ulong t) =>
        [
            new(TrafficScope.Link, "eth0", "2", new LinkCounters(10_000 + 500 * t, 0, 0, 0, 0, 0, 7, 0)),
            new(TrafficScope.Link, "veth1a", "5", new LinkCounters(1536 * t, 0, t, 0, 0, 0, 0, 0)),
            new(TrafficScope.Link, "vethd1", "7", new LinkCounters(0, 51_200 * t, 0, 40 * t, 0, 2, 0, 0)),
        ];
        rates.Observe(Read(0));
        for (ulong t = 1; t <= 3; t++)
        {
            clock.Ticks += TimeSpan.TicksPerSecond;
            rates.Observe(Read(t));
        }
        return TrafficView.From(Read(3), rates);
    }

    [Fact]
    public void Off_at_start_then_v_shows_rates_drops_and_errors_in_interfaces()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        Assert.DoesNotContain("RX/s", s.Text);
        var toggles = new List<bool>();
        s.Window.TrafficToggled += toggles.Add;
        s.Press(Key.V);
        Assert.Equal([true], toggles);
        s.Window.ShowTraffic(Traffic());
        var header = s.Lines.First(l => l.Contains("Name") && l.Contains("Kind"));
        Assert.Contains("RX/s", header);
        Assert.Contains("TX/s", header);
        var eth0 = s.Lines.First(l => l.Contains("eth0"));
        Assert.Contains("500B", eth0);
        Assert.Contains(" 7 ", eth0); // drops
        Assert.Contains(s.Lines, l => l.Contains("veth1a") && l.Contains("1.5K"));
        ScreenCapture.Check("screen-traffic.txt", s.Text);

        s.Press(Key.V);
        Assert.Equal([true, false], toggles);
        Assert.DoesNotContain("RX/s", s.Text);
    }

    [Fact]
    public void Sorting_by_rx_rate_descending_puts_the_busiest_receiver_first()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Press(Key.V);
        s.Window.ShowTraffic(Traffic());
        s.Press(Key.S, Key.S, Key.S, Key.S.WithShift); // none -> Name -> Kind -> RX/s, then descending
        var rows = s.Window.CurrentPane.Rows!;
        Assert.Equal(["veth1a", "eth0"], Enumerable.Range(0, 2).Select(i => ((Link)rows.Subject(i)).Name));
    }

    [Fact]
    public void Bridge_ports_and_containers_count_their_veth_and_the_detail_has_a_sparkline()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Press(Key.V);
        s.Window.ShowTraffic(Traffic());
        s.Press(Key.D2);
        Assert.Contains(s.Lines, l => l.Contains("vethd1") && l.Contains("50K"));
        s.Press(Key.D5);
        Assert.Contains(s.Lines, l => l.Contains("web") && l.Contains("1.5K")); // its host veth is veth1a
        var detail = s.Window.CurrentPane.SelectedDetail.Lines().ToList();
        Assert.Contains(detail, l => l.Contains("last 60 s") && l.Contains("███"));
        Assert.Contains(detail, l => l.Contains("rx 1.5K/s"));
    }
}
