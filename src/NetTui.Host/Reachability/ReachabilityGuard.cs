using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Reachability;
using NetTui.Host.Commands;

namespace NetTui.Host.Reachability;

/// <summary>A probe's outcome: passed, and what was seen ("via 10.0.0.1 dev eth0, answers") or why not.</summary>
public sealed record ProbeResult(Probe Probe, bool Passed, string Detail)
{
    public override string ToString() => $"{Probe.Name}: {Detail}";
}

/// <summary>
/// Keeps a change from cutting the host off: the probes run before the first step and again
/// after the change verified; a probe that passed before and fails after makes the change a
/// failure, undone at once (no confirm timer needed). Each probe is a route lookup in the
/// target namespace (`ip -j route get`, no packet sent) and, for the default gateway, one
/// ping of the gateway the lookup names; every command is bounded by <see cref="ProbeTimeout"/>.
/// </summary>
public sealed class ReachabilityGuard(ICommandRunner runner, IReadOnlyList<Probe> probes)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public IReadOnlyList<Probe> Probes => probes;

    /// <summary>
    /// The guard of a change in <paramref name="target"/>: DNS servers from the resolv.conf its
    /// processes see (`ip netns exec` shows /etc/netns/NAME/resolv.conf when there is one).
    /// </summary>
    public static ReachabilityGuard For(ICommandRunner runner, NetworkTarget target, ProbeKinds kinds, string? sshConnection)
    {
        string? resolv = null;
        if (kinds.HasFlag(ProbeKinds.Dns))
        {
            var own = target.Namespace is { } ns ? $"/etc/netns/{ns}/resolv.conf" : null;
            try { resolv = File.ReadAllText(own is not null && File.Exists(own) ? own : "/etc/resolv.conf"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { resolv = null; }
        }
        return new ReachabilityGuard(runner, ProbeTargets.From(kinds, resolv, sshConnection));
    }

    public async Task<IReadOnlyList<ProbeResult>> RunAsync(CancellationToken ct = default)
    {
        var results = await Task.WhenAll(probes.Select(p => RunOneAsync(p, ct))).ConfigureAwait(false);
        return results;
    }

    /// <summary>The probes that passed in <paramref name="before"/> and fail now.</summary>
    public async Task<IReadOnlyList<ProbeResult>> LostSinceAsync(IReadOnlyList<ProbeResult> before, CancellationToken ct = default)
    {
        var passed = before.Where(b => b.Passed).Select(b => b.Probe).ToHashSet();
        if (passed.Count == 0) return [];
        var now = await Task.WhenAll(passed.Select(p => RunOneAsync(p, ct))).ConfigureAwait(false);
        return [.. now.Where(r => !r.Passed)];
    }

    private async Task<ProbeResult> RunOneAsync(Probe p, CancellationToken ct)
    {
        var lookup = await TryRunAsync(new CommandSpec("ip", ["-j", "route", "get", p.Address.ToString()], ProbeTimeout), ct).ConfigureAwait(false);
        if (lookup is not { Succeeded: true }) return new(p, false, $"no route to {p.Address} ({lookup?.Message ?? "timed out"})");
        var (gateway, dev) = Parse(lookup.StandardOutput);
        var via = gateway is null ? $"dev {dev}" : $"via {gateway} dev {dev}";
        if (!p.Ping || gateway is null) return new(p, true, via);
        // Through the device the lookup named: a link-local IPv6 gateway (fe80::1, learnt from router
        // advertisements) is unreachable without it.
        System.Collections.Immutable.ImmutableArray<string> pingArgs = dev is null
            ? ["-n", "-c", "1", "-W", "1", gateway]
            : ["-n", "-c", "1", "-W", "1", "-I", dev, gateway];
        var ping = await TryRunAsync(new CommandSpec("ping", pingArgs, ProbeTimeout), ct).ConfigureAwait(false);
        return ping is { Succeeded: true } ? new(p, true, $"{via}, the gateway answers") : new(p, false, $"{via}, but the gateway {gateway} does not answer");
    }

    private async Task<CommandResult?> TryRunAsync(CommandSpec spec, CancellationToken ct)
    {
        try { return await runner.RunAsync(spec, ct).ConfigureAwait(false); }
        catch (CommandTimeoutException) { return null; }
        catch (CommandNotFoundException) { return null; }
    }

    /// <summary>`ip -j route get` prints [{"dst":..,"gateway":..,"dev":..}].</summary>
    internal static (string? Gateway, string? Dev) Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() == 0) return (null, null);
            var r = doc.RootElement[0];
            return (r.TryGetProperty("gateway", out var g) ? g.GetString() : null, r.TryGetProperty("dev", out var d) ? d.GetString() : null);
        }
        catch (JsonException) { return (null, null); }
    }
}
