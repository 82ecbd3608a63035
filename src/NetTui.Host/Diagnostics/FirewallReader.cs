using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Firewall;
using NetTui.Core.Wizard;
using NetTui.Host.Commands;

namespace NetTui.Host.Diagnostics;

/// <summary>
/// Reads the target's firewall and forwarding facts through the namespace-aware runner:
/// `iptables-nft-save` and `iptables-legacy-save` (both: a host can hold rules in each),
/// `nft -j list ruleset` (tables iptables did not make), and `sysctl net.ipv4.ip_forward
/// net.ipv4.conf net.bridge` (read in the namespace: /proc/sys/net is per namespace).
/// A tool that is missing, refused or timed out leaves its part empty and is named in
/// <see cref="FirewallFacts.Unread"/>; reading never throws for that.
/// </summary>
public static class FirewallReader
{
    public static async Task<FirewallFacts> ReadAsync(ICommandRunner runner, CancellationToken ct = default)
    {
        var unread = ImmutableArray.CreateBuilder<string>();
        var sets = ImmutableArray.CreateBuilder<FirewallRuleset>();

        var nft = await RunAsync(runner, unread, ct, "iptables-nft-save").ConfigureAwait(false)
            ?? await RunAsync(runner, unread, ct, "iptables-save").ConfigureAwait(false);
        if (nft is not null)
            sets.Add(IptablesSaveParser.Parse(nft, nft.Contains("(legacy)", StringComparison.Ordinal) ? FirewallBackend.IptablesLegacy : FirewallBackend.IptablesNft));
        if (await RunAsync(runner, unread, ct, "iptables-legacy-save").ConfigureAwait(false) is { } legacy)
            sets.Add(IptablesSaveParser.Parse(legacy, FirewallBackend.IptablesLegacy));
        if (await RunAsync(runner, unread, ct, "nft", "-j", "list", "ruleset").ConfigureAwait(false) is { } json)
        {
            try { sets.Add(NftJsonParser.Parse(json)); }
            catch (System.Text.Json.JsonException e) { unread.Add("nft -j list ruleset: " + e.Message); }
        }
        // sysctl exits non-zero when one key is missing (no br_netfilter) but prints the others.
        var sysctl = await RunAsync(runner, unread, ct, acceptFailure: true, "sysctl", "net.ipv4.ip_forward", "net.ipv4.conf", "net.bridge").ConfigureAwait(false);
        var sysctls = sysctl is null ? ForwardingSysctls.Unknown : SysctlParser.Parse(sysctl);
        return new FirewallFacts(sets.ToImmutable(), sysctls, unread.ToImmutable());
    }

    /// <summary>The VXLAN wizard's check: what INPUT does with a UDP port. Null when iptables cannot be read ("not checked").</summary>
    public static async Task<FirewallVerdict?> InputForUdpAsync(ICommandRunner runner, int port, CancellationToken ct = default)
    {
        try
        {
            var r = await runner.RunAsync(CommandSpec.Of("iptables-save", "-t", "filter"), ct).ConfigureAwait(false);
            return r.Succeeded ? InputFirewall.ForUdp(r.StandardOutput, port) : null;
        }
        catch (Exception e) when (e is CommandNotFoundException or CommandTimeoutException)
        {
            return null;
        }
    }

    private static Task<string?> RunAsync(ICommandRunner runner, ImmutableArray<string>.Builder unread, CancellationToken ct, string program, params string[] args) =>
        RunAsync(runner, unread, ct, false, program, args);

    private static async Task<string?> RunAsync(ICommandRunner runner, ImmutableArray<string>.Builder unread, CancellationToken ct, bool acceptFailure, string program, params string[] args)
    {
        var spec = CommandSpec.Of(program, args);
        try
        {
            var r = await runner.RunAsync(spec, ct).ConfigureAwait(false);
            if (r.Succeeded || acceptFailure && r.StandardOutput.Length > 0) return r.StandardOutput;
            unread.Add($"{spec.Display}: {FirstLine(r.StandardError)} (exit {r.ExitCode})");
        }
        catch (CommandNotFoundException) { unread.Add($"{program}: not installed"); }
        catch (CommandTimeoutException) { unread.Add($"{spec.Display}: timed out"); }
        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
