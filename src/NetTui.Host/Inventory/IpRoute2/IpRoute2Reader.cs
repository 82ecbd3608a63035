using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Commands;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>Links (with addresses and veth peers) and Linux bridges, as read from iproute2.</summary>
public sealed record IpRoute2Links(ImmutableArray<Link> Links, ImmutableArray<LinuxBridge> Bridges);

/// <summary>Routes of all tables, both families, and the policy rules and nexthop objects they go with.</summary>
public sealed record IpRoute2Routes(ImmutableArray<Route> Routes)
{
    public ImmutableArray<RoutingRule> Rules { get; init; } = [];
    public ImmutableArray<NexthopObject> Nexthops { get; init; } = [];
}

/// <summary>
/// Reads links, bridges and routes with `ip`/`bridge` in the target namespace. The
/// independent calls run concurrently. Link and address reads are required; `bridge link`
/// (port states) and `netns list-id` (peer namespace names) only enrich, so their failure
/// is noted in the status reason without making the source "down".
/// </summary>
public sealed class IpRoute2Reader(ICommandRunner runner)
{
    public static readonly CommandSpec LinkShow = CommandSpec.Of("ip", "-j", "-d", "link", "show");
    public static readonly CommandSpec AddrShow = CommandSpec.Of("ip", "-j", "addr", "show");
    public static readonly CommandSpec BridgeLinkShow = CommandSpec.Of("bridge", "-j", "link", "show");
    public static readonly CommandSpec NetnsListId = CommandSpec.Of("ip", "-j", "netns", "list-id");
    public static readonly CommandSpec Route4Show = CommandSpec.Of("ip", "-j", "-4", "route", "show", "table", "all");
    public static readonly CommandSpec Route6Show = CommandSpec.Of("ip", "-j", "-6", "route", "show", "table", "all");
    public static readonly CommandSpec Rule4Show = CommandSpec.Of("ip", "-j", "-4", "rule", "show");
    public static readonly CommandSpec Rule6Show = CommandSpec.Of("ip", "-j", "-6", "rule", "show");
    public static readonly CommandSpec NexthopShow = CommandSpec.Of("ip", "-j", "nexthop", "show");

    public async Task<SourceRead<IpRoute2Links>> ReadLinksAsync(CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        var link = ToolRun.RunAsync(runner, LinkShow, ct);
        var addr = ToolRun.RunAsync(runner, AddrShow, ct);
        var bridge = ToolRun.RunAsync(runner, BridgeLinkShow, ct);
        var netns = ToolRun.RunAsync(runner, NetnsListId, ct);
        await Task.WhenAll(link, addr, bridge, netns).ConfigureAwait(false);

        var failure = link.Result.Failure ?? addr.Result.Failure;
        if (failure is not null)
            return new(null, SourceStatus.Down(SourceKind.IpRoute2, failure, sw.Elapsed));
        try
        {
            var names = netns.Result.Ok ? NetnsIdParser.Parse(netns.Result.Output!) : new Dictionary<int, string>();
            var data = IpLinkParser.Parse(link.Result.Output!, names);
            var links = IpAddrParser.Merge(data.Links, IpAddrParser.Parse(addr.Result.Output!));
            var ports = bridge.Result.Ok ? BridgePortParser.Parse(bridge.Result.Output!) : [];
            var bridges = LinuxBridgeBuilder.Build(data with { Links = links }, ports);
            links = VxlanFdbParser.Attach(links, await ReadVxlanFdbAsync(links, ct).ConfigureAwait(false));
            var notes = string.Join("; ", new[] { bridge.Result.Failure, netns.Result.Failure }.Where(f => f is not null));
            var status = new SourceStatus(SourceKind.IpRoute2, true, notes.Length > 0 ? notes : null, sw.Elapsed);
            return new(new IpRoute2Links(links, bridges), status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unexpected JSON (another iproute2 version): a reason, not a crash.
            return new(null, SourceStatus.Down(SourceKind.IpRoute2, $"cannot parse ip output: {e.Message}", sw.Elapsed));
        }
    }

    /// <summary>`bridge -j fdb show dev NAME`: a VXLAN device's remote entries.</summary>
    public static CommandSpec FdbShowDev(string name) => CommandSpec.Of("bridge", "-j", "fdb", "show", "dev", name);

    /// <summary>Each VXLAN device's fdb (only enriches: a failed read leaves its entries out).</summary>
    private async Task<IReadOnlyDictionary<string, ImmutableArray<VxlanFdbEntry>>> ReadVxlanFdbAsync(ImmutableArray<Link> links, CancellationToken ct)
    {
        var reads = links.Where(l => l.Details?.Vxlan is not null)
            .Select(async l => (l.Name, Run: await ToolRun.RunAsync(runner, FdbShowDev(l.Name), ct).ConfigureAwait(false))).ToArray();
        var done = await Task.WhenAll(reads).ConfigureAwait(false);
        var result = new Dictionary<string, ImmutableArray<VxlanFdbEntry>>(StringComparer.Ordinal);
        foreach (var (name, run) in done)
            if (run.Ok) result[name] = VxlanFdbParser.Parse(run.Output!);
        return result;
    }

    /// <summary>`ip -j -d addr show dev NAME`: one link's details and its addresses in one call.</summary>
    public static CommandSpec AddrShowDev(string name) => CommandSpec.Of("ip", "-j", "-d", "addr", "show", "dev", name);

    /// <summary>`bridge -j link show dev NAME`: one bridge port's STP state.</summary>
    public static CommandSpec BridgeLinkShowDev(string name) => CommandSpec.Of("bridge", "-j", "link", "show", "dev", name);

    /// <summary>
    /// Reads only the named links (a live update): one `ip -j -d addr show dev` each, which
    /// carries both the link details and the addresses, plus `bridge link` for those that are
    /// bridge ports. A name ip says does not exist is reported missing. Null when ip failed
    /// otherwise (the caller then reads all links, which reports the failure).
    /// </summary>
    public async Task<LinkPatch?> ReadLinksByNameAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default)
    {
        var reads = names.Distinct(StringComparer.Ordinal)
            .Select(async n => (Name: n, Result: await runner.RunAsync(AddrShowDev(n), ct).ConfigureAwait(false)))
            .ToArray();
        var netns = ToolRun.RunAsync(runner, NetnsListId, ct);
        try
        {
            await Task.WhenAll(reads).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandNotFoundException or CommandTimeoutException)
        {
            return null;
        }
        var missing = ImmutableArray.CreateBuilder<string>();
        var arrays = new List<string>();
        foreach (var (name, r) in reads.Select(t => t.Result))
        {
            if (r.Succeeded) arrays.Add(r.StandardOutput);
            else if (r.StandardError.Contains("does not exist", StringComparison.Ordinal)) missing.Add(name);
            else return null;
        }
        var nsNames = (await netns.ConfigureAwait(false)) is { Ok: true } ns ? NetnsIdParser.Parse(ns.Output!) : new Dictionary<int, string>();
        try
        {
            var json = JoinArrays(arrays);
            var data = IpLinkParser.Parse(json, nsNames, knownIndices);
            var links = IpAddrParser.Merge(data.Links, IpAddrParser.Parse(json));
            var ports = await ReadPortsAsync(links.Where(l => l.Master is not null).Select(l => l.Name), ct).ConfigureAwait(false);
            return new LinkPatch(links, missing.ToImmutable(), data.Bridges, ports);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<BridgePortInfo>> ReadPortsAsync(IEnumerable<string> portNames, CancellationToken ct)
    {
        var reads = portNames.Select(n => ToolRun.RunAsync(runner, BridgeLinkShowDev(n), ct)).ToArray();
        var outputs = await Task.WhenAll(reads).ConfigureAwait(false);
        return [.. outputs.Where(o => o.Ok).SelectMany(o => BridgePortParser.Parse(o.Output!))];
    }

    /// <summary>Joins several JSON arrays of objects (one per `ip -j` call) into one.</summary>
    internal static string JoinArrays(IEnumerable<string> arrays)
    {
        var items = arrays.Select(a => a.Trim()).Where(a => a.Length > 2 && a[0] == '[' && a[^1] == ']')
            .Select(a => a[1..^1].Trim()).Where(a => a.Length > 0);
        return "[" + string.Join(",", items) + "]";
    }

    /// <summary>
    /// Routes come from the kernel's netlink dump when this process can open one in the
    /// target (the real runner; root for another namespace): ip's JSON of 200,000 routes
    /// costs ip ~0.6 s to write and us as much to parse. Otherwise, or if netlink fails, and
    /// always with NETTUI_ROUTE_SOURCE=ip, from `ip -j route` as before.
    /// </summary>
    public async Task<SourceRead<IpRoute2Routes>> ReadRoutesAsync(CancellationToken ct = default)
    {
        // Rules and nexthop objects only enrich (a kernel without nexthop objects says so on
        // stderr): read beside the routes, dropped without making the source down.
        var policy = ReadPolicyAsync(ct);
        var routes = await ReadRouteTablesAsync(ct).ConfigureAwait(false);
        var (rules, nexthops) = await policy.ConfigureAwait(false);
        return routes.Value is null ? routes : routes with { Value = routes.Value with { Rules = rules, Nexthops = nexthops } };
    }

    private async Task<(ImmutableArray<RoutingRule>, ImmutableArray<NexthopObject>)> ReadPolicyAsync(CancellationToken ct)
    {
        var r4 = ToolRun.RunAsync(runner, Rule4Show, ct);
        var r6 = ToolRun.RunAsync(runner, Rule6Show, ct);
        var nh = ToolRun.RunAsync(runner, NexthopShow, ct);
        await Task.WhenAll(r4, r6, nh).ConfigureAwait(false);
        try
        {
            ImmutableArray<RoutingRule> rules = [
                .. r4.Result.Ok ? IpRuleParser.Parse(r4.Result.Output!, AddressFamily.Inet) : [],
                .. r6.Result.Ok ? IpRuleParser.Parse(r6.Result.Output!, AddressFamily.Inet6) : []];
            return (rules, nh.Result.Ok ? IpNexthopParser.Parse(nh.Result.Output!) : []);
        }
        catch (JsonException)
        {
            return ([], []);
        }
    }

    private async Task<SourceRead<IpRoute2Routes>> ReadRouteTablesAsync(CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        if (runner is CommandRunner && Environment.GetEnvironmentVariable("NETTUI_ROUTE_SOURCE") != "ip")
        {
            try
            {
                var path = runner.Target.IsCurrent ? null : runner.Target.NamespacePath;
                var routes = await Task.Run(() => Netlink.NetlinkRouteReader.Read(path), ct).ConfigureAwait(false);
                return new(new IpRoute2Routes(routes), SourceStatus.Ok(SourceKind.IpRoute2, sw.Elapsed));
            }
            catch (Exception e) when (e is Netlink.NetlinkException or IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
            {
                // Fall through to ip, which may still work (and says why if not).
            }
        }
        // Each family is parsed from ip's stdout as it arrives, both at once (a pool each: pools are single-threaded).
        var v4 = StreamingToolRun.RunAsync(runner, Route4Show, (s, t) => IpRouteParser.ParseAsync(new JsonControlRepairStream(s), AddressFamily.Inet, new StringPool(), t), ct);
        var v6 = StreamingToolRun.RunAsync(runner, Route6Show, (s, t) => IpRouteParser.ParseAsync(new JsonControlRepairStream(s), AddressFamily.Inet6, new StringPool(), t), ct);
        await Task.WhenAll(v4, v6).ConfigureAwait(false);
        if ((v4.Result.Failure ?? v6.Result.Failure) is { } failure)
            return new(null, SourceStatus.Down(SourceKind.IpRoute2, failure, sw.Elapsed));
        return new(new IpRoute2Routes(v4.Result.Value.AddRange(v6.Result.Value)), SourceStatus.Ok(SourceKind.IpRoute2, sw.Elapsed));
    }
}
