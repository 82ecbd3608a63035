using System.Net;
using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Trace;
using NetTui.Host.Commands;
using NetTui.Host.Diagnostics;

namespace NetTui.Host.Trace;

/// <summary>
/// Gathers what <see cref="TracePlanner"/> judges, through the namespace-aware runner: the
/// firewall facts (<see cref="FirewallReader"/>), the kernel's lookup for the forwarded
/// packet (`ip -j route get TO from SRC iif BRIDGE`) and a plain one (`ip -j route get TO`),
/// inside the container's namespace its own lookup and eth0's MTU (`nsenter --net=/proc/PID/ns/net`,
/// run from here: /proc/PID names the namespace), and on the peer (a second runner) the way back.
/// </summary>
public static class TraceGatherer
{
    public static async Task<TraceInputs> GatherAsync(ICommandRunner runner, HostSnapshot snapshot, TraceSource from, IPAddress to,
        string? protocol, int? port, ICommandRunner? peer = null, CancellationToken ct = default)
    {
        var firewall = await FirewallReader.ReadAsync(runner, ct).ConfigureAwait(false);
        var dst = to.ToString();
        var host = from.Ingress is null
            ? await LookupAsync(runner, CommandSpec.Of("ip", "-j", "route", "get", dst), ct).ConfigureAwait(false)
            : await LookupAsync(runner, CommandSpec.Of("ip", "-j", "route", "get", dst, "from", from.Address.ToString(), "iif", from.Ingress), ct).ConfigureAwait(false);
        var plain = host.Failed ? await LookupAsync(runner, CommandSpec.Of("ip", "-j", "route", "get", dst), ct).ConfigureAwait(false) : null;
        RouteLookup? inside = null;
        int? mtu = null;
        if (from.Container is { Pid: int pid, State: "running" })
        {
            inside = await LookupAsync(runner, InContainer(pid, "route", "get", dst), ct).ConfigureAwait(false);
            mtu = await ContainerMtuAsync(runner, pid, ct).ConfigureAwait(false);
        }
        var back = peer is null ? null : await LookupAsync(peer, CommandSpec.Of("ip", "-j", "route", "get", from.Address.ToString()), ct).ConfigureAwait(false);
        return new TraceInputs(snapshot, firewall, from, to, protocol, port, host, plain, inside, mtu, back, peer?.Target.Namespace);
    }

    private static CommandSpec InContainer(int pid, params string[] ipArgs) =>
        CommandSpec.Of("nsenter", [$"--net=/proc/{pid}/ns/net", "ip", "-j", .. ipArgs]).OutsideNamespace();

    private static async Task<RouteLookup> LookupAsync(ICommandRunner runner, CommandSpec spec, CancellationToken ct)
    {
        try
        {
            var r = await runner.RunAsync(spec, ct).ConfigureAwait(false);
            if (!r.Succeeded) return RouteLookup.Refused(r.StandardError.Split('\n')[0]);
            return RouteLookup.Parse(r.StandardOutput);
        }
        catch (JsonException e) { return RouteLookup.Refused("unreadable answer: " + e.Message); }
        catch (CommandNotFoundException) { return RouteLookup.Refused($"{spec.Program}: not installed"); }
        catch (CommandTimeoutException) { return RouteLookup.Refused($"{spec.Display}: timed out"); }
    }

    private static async Task<int?> ContainerMtuAsync(ICommandRunner runner, int pid, CancellationToken ct)
    {
        try
        {
            var r = await runner.RunAsync(InContainer(pid, "link", "show", "eth0"), ct).ConfigureAwait(false);
            if (!r.Succeeded) return null;
            using var doc = JsonDocument.Parse(r.StandardOutput);
            return doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.GetArrayLength() > 0
                && doc.RootElement[0].TryGetProperty("mtu", out var m) && m.TryGetInt32(out var v) ? v : null;
        }
        catch (Exception e) when (e is JsonException or CommandNotFoundException or CommandTimeoutException) { return null; }
    }
}
