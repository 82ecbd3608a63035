using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// The TUI's persistence mode (Tui/TuiPersistence): --runtime-only is set at once and nothing is
/// probed; otherwise the window says "not probed yet" until the probe (off the UI thread) answers,
/// and a refresh probes again.
/// </summary>
[Collection(UiCollection.Name)]
public class TuiPersistenceTests
{
    /// <summary>The change path the TUI probes through, on <paramref name="bus"/> (no journal is touched: nothing is applied).</summary>
    private static NetTui.Composition.HostChanges Changes(string bus) =>
        new(new NetTui.Composition.HostOptions { BusAddress = bus, HistoryPath = "/nonexistent/ntl/history.db" });

    [Fact]
    public void Runtime_only_needs_no_probe()
    {
        using var s = new Screen(LabSnapshots.Lab(), readOnly: false);
        using var changes = Changes("unix:path=/nonexistent/bus.sock");
        TuiPersistence.Watch(s.Window, a => a(), changes, runtimeOnly: true, Serilog.Core.Logger.None, TestContext.Current.CancellationToken);
        Assert.Equal(new PersistenceMode(true, null), s.Window.Persistence);
    }

    [Fact]
    public void Without_a_bus_the_probe_says_why_and_a_refresh_probes_again()
    {
        using var s = new Screen(LabSnapshots.Lab(), readOnly: false);
        var probes = 0;
        var dir = Path.Combine(Path.GetTempPath(), "nettui-nobus-" + Guid.NewGuid().ToString("N"));
        using var changes = Changes($"unix:path={dir}/bus.sock");
        // Counted after the posted action ran: counted before, the test could read the mode before it was set.
        TuiPersistence.Watch(s.Window, a => { a(); Interlocked.Increment(ref probes); },
            changes, runtimeOnly: false, Serilog.Core.Logger.None, TestContext.Current.CancellationToken);
        Eventually(() => probes == 1, "the first probe to answer");
        Assert.Equal(new PersistenceMode(false, $"no system D-Bus at {dir}/bus.sock"), s.Window.Persistence);
        s.Press(Key.R);
        Eventually(() => probes == 2, "the probe after a refresh");
        Assert.False(s.Window.Persistence!.Persists);
    }

    private static void Eventually(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }
}
