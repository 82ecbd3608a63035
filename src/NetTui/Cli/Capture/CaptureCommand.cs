using System.CommandLine;
using NetTui.Core.Capture;
using NetTui.Host.Capture;

namespace NetTui.Cli.Capture;

/// <summary>
/// `nettui capture IFACE [--count N] [--seconds S] [--filter EXPR]`: a bounded tcpdump capture
/// on an interface (or OVS port) of the target namespace into a pcap in NetTui's state
/// directory; prints one line per packet and the file's path. Bad input (count or time out of
/// range, a filter tcpdump rejects) is one line and exit 2 with nothing captured; exit 1 when
/// tcpdump itself fails.
/// </summary>
public static class CaptureCommand
{
    public static Command Create(CliContext ctx)
    {
        var iface = new Argument<string>("IFACE") { Description = "Interface or OVS port to capture on" };
        var count = new Option<int>("--count") { Description = $"Stop after N packets (1-{CaptureRequest.MaxCount}, default 100)", HelpName = "N", DefaultValueFactory = _ => 100 };
        var seconds = new Option<int>("--seconds") { Description = $"Stop after S seconds (1-{CaptureRequest.MaxSeconds}, default 10)", HelpName = "S", DefaultValueFactory = _ => 10 };
        var filter = new Option<string?>("--filter") { Description = "tcpdump filter expression, e.g. 'icmp or port 53'", HelpName = "EXPR" };
        var command = new Command("capture", "Capture packets on an interface into a pcap file (bounded by count and time)") { iface, count, seconds, filter };
        command.SetAction(async (r, ct) =>
        {
            var request = CaptureRequest.Parse(r.GetValue(iface), r.GetValue(count), r.GetValue(seconds), r.GetValue(filter));
            if (!request.Ok)
            {
                await ctx.Error.WriteLineAsync($"nettui: capture: {request.Error}").ConfigureAwait(false);
                return NetTuiCli.UsageError;
            }
            var options = Composition.CliComposition.Options(ctx, r);
            var log = ctx.CreateLogger(r);
            try
            {
                var capture = new PacketCapture(new Host.Commands.CommandRunner(ctx.Target(r), log), options.StateDirectory);
                var result = await capture.RunAsync(request.Get(), ct).ConfigureAwait(false);
                foreach (var line in result.Packets) await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
                await ctx.Output.WriteLineAsync($"{result.Packets.Count} packets in {result.PcapPath} (open with wireshark, termshark or tcpdump -r)").ConfigureAwait(false);
                return 0;
            }
            catch (CaptureException e)
            {
                await ctx.Error.WriteLineAsync($"nettui: capture: {e.Message}").ConfigureAwait(false);
                return e.BadInput ? NetTuiCli.UsageError : 1;
            }
            finally
            {
                (log as IDisposable)?.Dispose();
            }
        });
        return command;
    }
}
