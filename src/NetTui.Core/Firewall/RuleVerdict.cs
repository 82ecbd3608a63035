namespace NetTui.Core.Firewall;

/// <summary>What a rule does with a packet it matches (iptables' target, nftables' verdict or statement).</summary>
public enum RuleVerdict
{
    Accept,
    Drop,
    Reject,
    /// <summary>Continue in <see cref="FirewallRule.Target"/>; come back here on RETURN.</summary>
    Jump,
    /// <summary>Continue in <see cref="FirewallRule.Target"/>; do not come back.</summary>
    Goto,
    Return,
    Masquerade,
    Snat,
    Dnat,
    /// <summary>Something that does not decide (LOG, MARK, counter only): the walk goes on.</summary>
    Continue,
}

public static class RuleVerdictExtensions
{
    /// <summary>Ends the packet's way through the hook (accepted, dropped or rejected).</summary>
    public static bool IsFinal(this RuleVerdict v) => v is RuleVerdict.Accept or RuleVerdict.Drop or RuleVerdict.Reject;

    public static bool Blocks(this RuleVerdict v) => v is RuleVerdict.Drop or RuleVerdict.Reject;

    /// <summary>Rewrites the source address on the way out (the NAT a container needs to leave the host).</summary>
    public static bool IsSourceNat(this RuleVerdict v) => v is RuleVerdict.Masquerade or RuleVerdict.Snat;
}
