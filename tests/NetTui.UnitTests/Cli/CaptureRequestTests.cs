using NetTui.Core.Capture;

namespace NetTui.UnitTests.Cli;

/// <summary>A capture is bounded (count and time), on a valid interface name, and its tcpdump argv is fixed.</summary>
public class CaptureRequestTests
{
    [Theory]
    [InlineData("eth0", 0, 10, "count")]
    [InlineData("eth0", 10_001, 10, "count")]
    [InlineData("eth0", 5, 0, "seconds")]
    [InlineData("eth0", 5, 301, "seconds")]
    [InlineData("eth0;reboot", 5, 10, "interface")]
    [InlineData("", 5, 10, "interface")]
    public void Out_of_range_input_is_refused_naming_the_field(string iface, int count, int seconds, string field)
    {
        var r = CaptureRequest.Parse(iface, count, seconds, null);
        Assert.False(r.Ok);
        Assert.Equal(field, r.Error!.Field);
    }

    [Fact]
    public void The_capture_stops_at_count_or_time_and_writes_unbuffered_as_root()
    {
        var r = CaptureRequest.Parse("gre0", 5, 30, " icmp ").Get();
        Assert.Equal("icmp", r.Filter);
        Assert.Equal(["-i", "gre0", "-d", "icmp"], r.Check.Arguments);
        Assert.Equal(["-i", "gre0", "-n", "-U", "-Z", "root", "-c", "5", "-G", "30", "-W", "1", "-w", "/s/c.pcap", "icmp"], r.Run("/s/c.pcap").Arguments);
        Assert.True(r.Run("/s/c.pcap").InTargetNamespace);
        Assert.False(CaptureRequest.Summary("/s/c.pcap").InTargetNamespace);
        Assert.Equal(["-i", "gre0", "-d"], CaptureRequest.Parse("gre0", 5, 30, "  ").Get().Check.Arguments);
    }
}
