using System.CommandLine;
using System.Net;
using NetTui.Cli.Json;
using NetTui.Core.Commands;
using NetTui.Core.Trace;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Host.Trace;
using NetTui.Presentation;

namespace NetTui.Cli.Trace;

/// <summary>
/// `nettui trace FROM TO [--port N] [--proto tcp|udp] [--peer NETNS] [--json]`: the way one
/// packet goes from a container (or an address behind one of this host's bridges) to an
/// address, hop by hop, each ok or broken with its evidence and fix (<see cref="TracePlanner"/>).
/// Reads only. Exit 0 when every hop is ok, 1 when one is broken (or the host cannot be read), 2 for usage.
/// </summary>
public static class TraceCommand
{
    public static Command Create(CliContext ctx)
    {
        var from = new Argument<string>("FROM") { Description = "A container name (or id) or an address on this host or behind one of its bridges" };
        var to = new Argument<string>("TO") { Description = "The destination address" };
        var port = new Option<int?>("--port") { Description = "Destination port (1-65535) the firewall is asked about", HelpName = "N" };
        port.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is < 1 or > 65535) r.AddError($"--port: {n} is not between 1 and 65535");
        });
        var proto = new Option<string?>("--proto") { Description = "tcp or udp (default: any)", HelpName = "tcp|udp" };
        proto.AcceptOnlyFromAmong("tcp", "udp");
        var peer = new Option<string?>("--peer") { Description = "The peer host's network namespace on this machine: also check its route back to FROM", HelpName = "NETNS" };
        var json = new Option<bool>("--json") { Description = "The trace as JSON (docs/json-shape.md)" };
        var command = new Command("trace", "Why can (or can't) FROM reach TO: the path hop by hop, with evidence and fixes") { from, to, port, proto, peer, json };
        command.SetAction(async (r, ct) =>
        {
            var log = ctx.CreateLogger(r);
            try
            {
                return await RunAsync(ctx, r, r.GetValue(from)!, r.GetValue(to)!, r.GetValue(proto), r.GetValue(port), r.GetValue(peer), r.GetValue(json), log, ct).ConfigureAwait(false);
            }
            finally
            {
                (log as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, ParseResult r, string fromText, string toText, string? proto, int? port,
        string? peerNs, bool json, Serilog.ILogger log, CancellationToken ct)
    {
        if (!IPAddress.TryParse(toText, out var to) || to.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            await ctx.Error.WriteLineAsync($"nettui: TO '{toText}' is not an IPv4 address").ConfigureAwait(false);
            return NetTuiCli.UsageError;
        }
        var target = ctx.Target(r);
        foreach (var ns in new[] { target, new NetworkTarget(peerNs) })
            if (!ns.IsCurrent && !File.Exists(ns.NamespacePath))
            {
                await ctx.Error.WriteLineAsync($"nettui: no network namespace '{ns.Namespace}' ({ns.NamespacePath} does not exist)").ConfigureAwait(false);
                return 1;
            }
        var snapshot = await ctx.CreateInventory(r, log).ReadAsync(InventoryParts.All, ct).ConfigureAwait(false);
        var source = TraceSources.Resolve(snapshot, fromText);
        if (!source.Ok)
        {
            await ctx.Error.WriteLineAsync($"nettui: {source.Error!.Message}").ConfigureAwait(false);
            return NetTuiCli.UsageError;
        }
        var runner = new CommandRunner(target, log);
        var peer = peerNs is null ? null : new CommandRunner(new NetworkTarget(peerNs), log);
        var inputs = await TraceGatherer.GatherAsync(runner, snapshot, source.Get(), to, proto, port, peer, ct).ConfigureAwait(false);
        var result = TracePlanner.Plan(inputs);
        if (json) await ctx.Output.WriteLineAsync(CliJson.Document(result)).ConfigureAwait(false);
        else foreach (var line in TraceText.Lines(result)) await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
        return result.AllOk ? 0 : 1;
    }
}
