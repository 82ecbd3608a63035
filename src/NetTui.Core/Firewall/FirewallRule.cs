namespace NetTui.Core.Firewall;

/// <summary>
/// One rule in chain order (<see cref="Position"/> from 1, as `iptables -L --line-numbers`
/// counts). <see cref="Target"/>: the chain a jump/goto goes to, or the target's arguments
/// for NAT ("172.17.0.2:80"). <see cref="Text"/>: the rule as its tool printed it, for evidence.
/// </summary>
public sealed record FirewallRule(int Position, RuleMatch Match, RuleVerdict Verdict, string? Target, string Text);
