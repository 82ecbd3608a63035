using NetTui.Core.Commands;
using NetTui.Core.Values;

namespace NetTui.Core.Capture;

/// <summary>
/// A bounded packet capture on one interface: at most <see cref="Count"/> packets and at most
/// <see cref="Seconds"/> seconds, whichever ends first, optionally through a BPF filter (which
/// tcpdump itself checks before anything is captured). Out-of-range numbers are refused here.
/// </summary>
public sealed record CaptureRequest(InterfaceName Interface, int Count, int Seconds, string? Filter)
{
    public const int MaxCount = 10_000, MaxSeconds = 300;

    public static Parsed<CaptureRequest> Parse(string? iface, int count, int seconds, string? filter)
    {
        var name = InterfaceName.Parse(iface, "interface");
        if (!name.Ok) return Parsed<CaptureRequest>.Fail(name.Error!.Field, name.Error.Message);
        if (count is < 1 or > MaxCount) return Parsed<CaptureRequest>.Fail("count", $"{count} is not between 1 and {MaxCount} packets");
        if (seconds is < 1 or > MaxSeconds) return Parsed<CaptureRequest>.Fail("seconds", $"{seconds} is not between 1 and {MaxSeconds} seconds");
        return Parsed<CaptureRequest>.Success(new CaptureRequest(name.Get(), count, seconds, string.IsNullOrWhiteSpace(filter) ? null : filter.Trim()));
    }

    private string[] FilterWords => Filter is null ? [] : [Filter];

    /// <summary>`tcpdump -d`: compiles the filter for this interface and prints the program; captures nothing.</summary>
    public CommandSpec Check => new("tcpdump", ["-i", Interface.Value, "-d", .. FilterWords], TimeSpan.FromSeconds(10));

    /// <summary>
    /// The capture into <paramref name="pcapPath"/>: -c ends it after Count packets, -G/-W after
    /// Seconds (one rotation of one file); -U writes each packet as it comes; -Z root keeps
    /// tcpdump able to write into NetTui's owner-only state directory.
    /// </summary>
    public CommandSpec Run(string pcapPath) => new("tcpdump",
        ["-i", Interface.Value, "-n", "-U", "-Z", "root", "-c", Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "-G", Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-W", "1", "-w", pcapPath, .. FilterWords],
        TimeSpan.FromSeconds(Seconds + 10));

    /// <summary>`tcpdump -r`: one line per captured packet (read from the file, so outside the namespace).</summary>
    public static CommandSpec Summary(string pcapPath) =>
        new CommandSpec("tcpdump", ["-n", "-tt", "-r", pcapPath], TimeSpan.FromSeconds(20)).OutsideNamespace();
}
