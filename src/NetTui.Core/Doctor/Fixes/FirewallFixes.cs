using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Firewall;

namespace NetTui.Core.Doctor.Fixes;

/// <summary>
/// Firewall and sysctl commands for fixes, each with the command that takes it back: a rule
/// inserted is deleted by the same rule spec (`-I` / `-D`), a sysctl is set back to the value
/// that was read. The iptables program matches the backend the rules were read from
/// (iptables-nft or iptables-legacy keep separate tables).
/// </summary>
public static class FirewallFixes
{
    public static string Iptables(FirewallBackend backend) => backend == FirewallBackend.IptablesLegacy ? "iptables-legacy" : "iptables-nft";

    /// <summary>The tool a rule set was read with, for evidence.</summary>
    public static string Tool(FirewallBackend backend) => backend == FirewallBackend.NftablesNative ? "nft" : Iptables(backend);

    public static FixStep Sysctl(string key, bool on, bool was) => new(
        $"set {key} = {(on ? 1 : 0)}",
        new CommandSpec("sysctl", ["-w", $"{key}={(on ? 1 : 0)}"], CommandSpec.DefaultTimeout),
        new CommandSpec("sysctl", ["-w", $"{key}={(was ? 1 : 0)}"], CommandSpec.DefaultTimeout));

    /// <summary>Insert a rule at the top of <paramref name="chain"/> (undo: delete the same rule).</summary>
    public static FixStep Insert(FirewallBackend backend, string table, string chain, string description, params string[] rule) => new(
        description,
        new CommandSpec(Iptables(backend), ["-t", table, "-I", chain, .. rule], CommandSpec.DefaultTimeout),
        new CommandSpec(Iptables(backend), ["-t", table, "-D", chain, .. rule], CommandSpec.DefaultTimeout));

    /// <summary>Append a rule to <paramref name="chain"/> (undo: delete the same rule).</summary>
    public static FixStep Append(FirewallBackend backend, string table, string chain, string description, params string[] rule) => new(
        description,
        new CommandSpec(Iptables(backend), ["-t", table, "-A", chain, .. rule], CommandSpec.DefaultTimeout),
        new CommandSpec(Iptables(backend), ["-t", table, "-D", chain, .. rule], CommandSpec.DefaultTimeout));

    public static ImmutableArray<string> Note(FirewallFacts fw) =>
        fw.Unread.IsEmpty ? [] : [.. fw.Unread.Select(u => "not read: " + u)];
}
