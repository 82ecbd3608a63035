using NetTui.Core.Capture;
using NetTui.Host.Capture;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Capture;

/// <summary>
/// `C` on a selected interface opens the capture form; bad input is one line and nothing runs;
/// good input runs the capture path once with the typed bounds and shows the pcap path and
/// one line per packet. The capture itself (tcpdump in a lab namespace) is CaptureLabTests'.
/// </summary>
[Collection(UiCollection.Name)]
public class CaptureFormTests
{
    private sealed class Recorder
    {
        public List<CaptureRequest> Runs { get; } = [];
        public Task<CaptureResult> Run(CaptureRequest r, CancellationToken _)
        {
            Runs.Add(r);
            return Task.FromResult(new CaptureResult("/var/lib/nettui/captures/veth1a-20261207-090000-000.pcap",
                ["1796634180.000001 IP 192.168.50.2 > 192.168.50.1: ICMP echo request, id 1, seq 1, length 64",
                 "1796634180.000050 IP 192.168.50.1 > 192.168.50.2: ICMP echo reply, id 1, seq 1, length 64"]));
        }
    }

    private static (Screen, Recorder) Open()
    {
        var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        var recorder = new Recorder();
        s.Window.Capture = recorder.Run;
        s.Window.CurrentPane.Select("veth1a");
        s.Press(Key.C.WithShift);
        return (s, recorder);
    }

    [Fact]
    public void C_on_an_interface_opens_the_form_with_bounded_defaults()
    {
        var (s, recorder) = Open();
        using var _ = s;
        Assert.True(s.Window.CaptureForm.Visible);
        Assert.Contains("Capture on veth1a", s.Text);
        Assert.Contains("Packets (1-10000)", s.Text);
        Assert.Empty(recorder.Runs);
        s.Press(Key.Esc);
        Assert.False(s.Window.CaptureForm.Visible);
    }

    [Theory]
    [InlineData("abc", "10", "count: 'abc' is not a number of packets")]
    [InlineData("0", "10", "count: 0 is not between 1 and 10000 packets")]
    [InlineData("10", "301", "seconds: 301 is not between 1 and 300 seconds")]
    public void Bad_input_is_one_line_and_nothing_runs(string count, string seconds, string said)
    {
        var (s, recorder) = Open();
        using var _ = s;
        s.Window.CaptureForm.SetField("count", count);
        s.Window.CaptureForm.SetField("seconds", seconds);
        s.Press(Key.Enter);
        Assert.Empty(recorder.Runs);
        Assert.StartsWith(said, s.Window.CaptureForm.Status);
        Assert.Contains("nothing was captured", s.Text);
    }

    [Fact]
    public void Good_input_runs_the_capture_once_and_shows_the_pcap_and_the_packets()
    {
        var (s, recorder) = Open();
        using var _ = s;
        s.Window.CaptureForm.SetField("count", "5");
        s.Window.CaptureForm.SetField("filter", "icmp");
        s.Press(Key.Enter);
        var run = Assert.Single(recorder.Runs);
        Assert.Equal(("veth1a", 5, 10, "icmp"), (run.Interface.Value, run.Count, run.Seconds, run.Filter));
        Assert.Contains("2 packet(s) in /var/lib/nettui/captures/veth1a-20261207-090000-000.pcap", s.Text);
        Assert.Contains("ICMP echo reply", s.Text);
    }

    [Fact]
    public void A_row_without_an_interface_says_so_and_opens_nothing()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Window.Capture = new Recorder().Run;
        s.Press(new Key('4')); // Routes: C does not apply there
        s.Press(Key.C.WithShift);
        Assert.False(s.Window.CaptureForm.Visible);
        Assert.Null(CaptureForm.InterfaceOf(null));
    }
}
