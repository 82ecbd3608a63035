using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Traffic;
using NetTui.Host.Commands;
using NetTui.Host.Inventory.Netlink;
using NetTui.Host.Inventory.Ovs;

namespace NetTui.Host.Inventory.Traffic;

/// <summary>
/// One read of every counter: the links' from one netlink dump, the OVS interfaces' from
/// one `ovs-vsctl list Interface` of three columns. A failed half says why and leaves its
/// sources out; the other half still counts.
/// </summary>
public sealed record TrafficRead(ImmutableArray<TrafficSource> Sources, string? LinksFailure, string? OvsFailure);

/// <summary>
/// Reads counters only (no addresses, routes, containers): what a rate refresh about once a
/// second needs. Netlink needs the real runner (it opens its socket in the runner's target
/// namespace); any other runner, as in unit tests, reads no link counters and says so.
/// </summary>
public sealed class TrafficReader(ICommandRunner runner, string? ovsDatabase)
{
    private const int OvsTimeoutSeconds = 3;

    public CommandSpec OvsStatisticsCommand
    {
        get
        {
            List<string> args = ["--no-wait", "--format=json", $"--timeout={OvsTimeoutSeconds}"];
            if (!string.IsNullOrEmpty(ovsDatabase)) args.Add($"--db={ovsDatabase}");
            args.AddRange(["--columns=_uuid,name,statistics", "list", "Interface"]);
            return new CommandSpec("ovs-vsctl", [.. args], TimeSpan.FromSeconds(OvsTimeoutSeconds + 2)).OutsideNamespace();
        }
    }

    public async Task<TrafficRead> ReadAsync(bool includeOvs, CancellationToken ct = default)
    {
        var links = Task.Run(ReadLinks, ct);
        var ovs = includeOvs ? ReadOvsAsync(ct) : Task.FromResult<(ImmutableArray<TrafficSource>, string?)>(([], null));
        await Task.WhenAll(links, ovs).ConfigureAwait(false);
        var (linkSources, linkFailure) = links.Result;
        var (ovsSources, ovsFailure) = ovs.Result;
        return new TrafficRead(linkSources.AddRange(ovsSources), linkFailure, ovsFailure);
    }

    /// <summary>The links' counters by ifindex, or why they could not be read.</summary>
    public (ImmutableArray<LinkCounterRow> Rows, string? Failure) ReadLinkCounters()
    {
        if (runner is not CommandRunner) return ([], "link counters need a netlink socket (not available with this runner)");
        try
        {
            return (NetlinkLinkCounters.Read(runner.Target.IsCurrent ? null : runner.Target.NamespacePath), null);
        }
        catch (Exception e) when (e is NetlinkException or IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return ([], e.Message);
        }
    }

    private (ImmutableArray<TrafficSource>, string?) ReadLinks()
    {
        var (rows, failure) = ReadLinkCounters();
        return ([.. rows.Select(r => new TrafficSource(TrafficScope.Link, r.Name, r.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Counters))], failure);
    }

    private async Task<(ImmutableArray<TrafficSource>, string?)> ReadOvsAsync(CancellationToken ct)
    {
        var run = await ToolRun.RunAsync(runner, OvsStatisticsCommand, ct).ConfigureAwait(false);
        if (!run.Ok) return ([], OvsReader.Explain(run.Failure!, ovsDatabase));
        try
        {
            return (ParseOvs(run.Output!), null);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ([], $"cannot parse ovs-vsctl output: {e.Message}");
        }
    }

    /// <summary>`ovs-vsctl --format=json --columns=_uuid,name,statistics list Interface` as sources (interfaces without byte counters are left out).</summary>
    public static ImmutableArray<TrafficSource> ParseOvs(string json)
    {
        var table = OvsdbTable.Parse(json);
        var result = ImmutableArray.CreateBuilder<TrafficSource>();
        foreach (var row in table.Rows)
            if (row.String("name") is { } name && LinkCounters.FromOvs(Ovsdb.AsLongMap(row["statistics"])) is { } c)
                result.Add(new TrafficSource(TrafficScope.Ovs, name, row.Uuid, c));
        return result.ToImmutable();
    }

    /// <summary>Puts each link's counters (matched by ifindex and name) on the links.</summary>
    public static ImmutableArray<Link> Attach(ImmutableArray<Link> links, ImmutableArray<LinkCounterRow> rows)
    {
        if (rows.IsEmpty) return links;
        var byIndex = new Dictionary<int, LinkCounterRow>(rows.Length);
        foreach (var r in rows) byIndex[r.Index] = r;
        return [.. links.Select(l => byIndex.TryGetValue(l.Index, out var r) && r.Name == l.Name ? l with { Counters = r.Counters } : l)];
    }
}
