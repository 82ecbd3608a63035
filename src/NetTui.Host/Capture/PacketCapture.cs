using NetTui.Core.Capture;
using NetTui.Core.Commands;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.Host.Capture;

/// <summary>What a capture gave: the pcap file (for Wireshark or termshark) and one line per packet.</summary>
public sealed record CaptureResult(string PcapPath, IReadOnlyList<string> Packets);

/// <summary>Why a capture did not run or failed, in one line; <see cref="BadInput"/>: nothing was run.</summary>
public sealed class CaptureException(string message, bool badInput) : Exception(message)
{
    public bool BadInput { get; } = badInput;
}

/// <summary>
/// Captures with tcpdump through the namespace-aware runner (so on an interface of the target
/// namespace) into a pcap in NetTui's state directory (captures/, owner-only, the file 0600).
/// The filter is compiled first (`tcpdump -d`): one tcpdump rejects is refused before any capture.
/// </summary>
public sealed class PacketCapture(ICommandRunner runner, string stateDirectory, TimeProvider? clock = null)
{
    public string Directory => Path.Combine(stateDirectory, "captures");

    public async Task<CaptureResult> RunAsync(CaptureRequest request, CancellationToken ct = default)
    {
        var check = await ToolRun.RunAsync(runner, request.Check, ct).ConfigureAwait(false);
        if (!check.Ok)
            throw new CaptureException($"tcpdump refuses {(request.Filter is null ? "the interface" : $"the filter '{request.Filter}'")} on {request.Interface.Value}: {check.Failure}", badInput: true);

        var path = Path.Combine(PrivateDirectory(), FileName(request));
        var run = await ToolRun.RunAsync(runner, request.Run(path), ct).ConfigureAwait(false);
        if (!run.Ok) throw new CaptureException($"tcpdump on {request.Interface.Value} failed: {run.Failure}", badInput: false);
        if (!File.Exists(path)) throw new CaptureException($"tcpdump on {request.Interface.Value} wrote no file ({path})", badInput: false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var summary = await ToolRun.RunAsync(runner, CaptureRequest.Summary(path), ct).ConfigureAwait(false);
        var lines = summary.Ok ? summary.Output!.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [$"(cannot read the packets back: {summary.Failure})"];
        return new CaptureResult(path, lines);
    }

    /// <summary>captures/ under the state directory, made owner-only, refused if others could plant files in it.</summary>
    private string PrivateDirectory()
    {
        System.IO.Directory.CreateDirectory(stateDirectory);
        if (!OperatingSystem.IsWindows())
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        NetTui.Files.OwnerOnlyFile.CheckPrivateDirectory(Directory);
        return Directory;
    }

    private string FileName(CaptureRequest request)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return $"{request.Interface.Value}-{now:yyyyMMdd-HHmmss-fff}.pcap";
    }
}
