using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// `nettui capture` for real: 5 pings across a veth pair land in a pcap in the state directory
/// that `tcpdump -r` reads back; a filter tcpdump rejects is one line, exit 2, nothing captured.
/// </summary>
public sealed class CaptureLabTests
{
    [Fact]
    public async Task A_capture_of_five_pings_is_a_pcap_tcpdump_reads_back_and_a_bad_filter_runs_nothing()
    {
        await using var a = await LabHost.CreateAsync();
        await using var b = await LabHost.CreateAsync();
        await a.ConnectAsync("cva", b, "cvb");
        await a.CheckedAsync("ip", "addr", "add", "10.40.0.1/24", "dev", "cva");
        await b.CheckedAsync("ip", "addr", "add", "10.40.0.2/24", "dev", "cvb");
        await a.WaitUntilSettledAsync();
        var env = new Dictionary<string, string>();
        var captures = Path.Combine(a.StateDir, "captures");

        var bad = await NettuiCli.RunAsync(a.StateDir, env, "capture", "cva", "--netns", a.Name, "--filter", "icmp and ((( bogus");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("nettui: capture: tcpdump refuses the filter", Assert.Single(bad.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(captures) && Directory.EnumerateFiles(captures).Any());

        var capture = NettuiCli.RunAsync(a.StateDir, env, "capture", "cva", "--netns", a.Name, "--count", "5", "--seconds", "30",
            "--filter", "icmp[icmptype] == icmp-echo");
        await Task.Delay(2000, TestContext.Current.CancellationToken); // tcpdump listening before the first ping
        (await a.RunAsync("ping", "-c", "5", "-i", "0.2", "10.40.0.2")).EnsureSuccess();
        var r = await capture;
        Assert.True(r.ExitCode == 0, r.StandardError);
        var pcap = Assert.Single(Directory.GetFiles(captures, "cva-*.pcap"));
        Assert.Contains($"5 packets in {pcap}", r.StandardOutput);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pcap));

        var readBack = (await LabExec.CheckedAsync("tcpdump", "-n", "-r", pcap)).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, readBack.Length);
        Assert.All(readBack, l => Assert.Contains("10.40.0.1 > 10.40.0.2: ICMP echo request", l));
    }
}
