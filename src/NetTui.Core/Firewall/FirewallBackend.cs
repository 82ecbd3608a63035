namespace NetTui.Core.Firewall;

/// <summary>
/// Where a rule set was read from. iptables-nft and iptables-legacy print the same
/// iptables-save text but keep separate tables in the kernel: a host with rules in both
/// ("mixed") has two firewalls, and a packet must pass both.
/// </summary>
public enum FirewallBackend
{
    /// <summary>iptables over nf_tables (`iptables-nft-save`; Debian's default `iptables`).</summary>
    IptablesNft,
    /// <summary>The old x_tables backend (`iptables-legacy-save`).</summary>
    IptablesLegacy,
    /// <summary>nftables tables that iptables did not make (`nft -j list ruleset`).</summary>
    NftablesNative,
}
