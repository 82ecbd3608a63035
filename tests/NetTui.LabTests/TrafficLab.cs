using System.Text.Json;
using System.Text.RegularExpressions;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Helpers of the traffic tests: a fixed volume through busybox nc, `nettui stats --json`
/// lines, and the counters `ip -s -j link` and `ovs-vsctl get interface X statistics` print.
/// </summary>
internal static partial class TrafficLab
{
    /// <summary>
    /// Sends exactly <paramref name="bytes"/> zero bytes over TCP from <paramref name="from"/>
    /// to <paramref name="toAddress"/> on <paramref name="to"/>, and checks they all arrived.
    /// The listener's stdin is a sleep: busybox nc -l ends when its own stdin ends.
    /// </summary>
    public static async Task SendAsync(LabHost from, LabHost to, string toAddress, int bytes, int port = 5000)
    {
        var listener = to.RunAsync(["sh", "-c", $"sleep 6 | busybox nc -l -p {port} | wc -c"], null, TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        var send = await from.RunAsync(["sh", "-c", $"head -c {bytes} /dev/zero | busybox nc {toAddress} {port}"], null, TimeSpan.FromSeconds(15));
        send.EnsureSuccess();
        var received = (await listener).EnsureSuccess();
        Assert.Equal(bytes.ToString(), received.StandardOutput.Trim());
    }

    /// <summary>Parsed `nettui stats --json` lines.</summary>
    public static List<JsonElement> Lines(ExecResult r)
    {
        Assert.True(r.ExitCode == 0, $"nettui stats exited {r.ExitCode}: {r.StandardError}");
        return [.. r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    public static JsonElement? Device(JsonElement line, string scope, string name)
    {
        foreach (var d in line.GetProperty("devices").EnumerateArray())
            if (d.GetProperty("scope").GetString() == scope && d.GetProperty("name").GetString() == name) return d;
        return null;
    }

    public static ulong Counter(JsonElement device, string key) => device.GetProperty("counters").GetProperty(key).GetUInt64();

    /// <summary>rx/tx bytes and packets of one link as `ip -s -j link show dev NAME` prints them.</summary>
    public static async Task<(ulong RxBytes, ulong TxBytes, ulong RxPackets, ulong TxPackets)> IpCountersAsync(LabHost host, string name)
    {
        var link = (await host.IpJsonAsync("-s", "link", "show", "dev", name))[0]!["stats64"]!;
        return ((ulong)link["rx"]!["bytes"]!, (ulong)link["tx"]!["bytes"]!, (ulong)link["rx"]!["packets"]!, (ulong)link["tx"]!["packets"]!);
    }

    /// <summary>`ovs-vsctl get interface NAME statistics`: {collisions=0, rx_bytes=1288, ...}.</summary>
    public static async Task<Dictionary<string, ulong>> OvsStatisticsAsync(LabOvs ovs, string name)
    {
        var text = (await ovs.VsctlCheckedAsync("get", "interface", name, "statistics")).StandardOutput;
        return StatisticPattern().Matches(text).ToDictionary(m => m.Groups[1].Value, m => ulong.Parse(m.Groups[2].Value));
    }

    [GeneratedRegex(@"([a-z0-9_]+)=(\d+)")]
    private static partial Regex StatisticPattern();
}
