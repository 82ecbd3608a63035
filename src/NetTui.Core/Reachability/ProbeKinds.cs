using NetTui.Core.Values;

namespace NetTui.Core.Reachability;

/// <summary>What a change must not cut the host off from (`--probe gateway,dns,ssh` or `none`).</summary>
[Flags]
public enum ProbeKinds
{
    None = 0,
    /// <summary>The default route (IPv4 and IPv6) and its gateway answering.</summary>
    Gateway = 1,
    /// <summary>A route to each DNS server of resolv.conf.</summary>
    Dns = 2,
    /// <summary>A route back to the SSH client of this session (SSH_CONNECTION).</summary>
    Ssh = 4,
    All = Gateway | Dns | Ssh,
}

public static class ProbeChoice
{
    /// <summary>"gateway,dns,ssh" in any order and subset, or "none"; anything else names the allowed words.</summary>
    public static Parsed<ProbeKinds> Parse(string? text, string field = "probe")
    {
        if (string.IsNullOrWhiteSpace(text)) return Parsed<ProbeKinds>.Success(ProbeKinds.All);
        var kinds = ProbeKinds.None;
        foreach (var word in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var k = word switch
            {
                "gateway" => ProbeKinds.Gateway,
                "dns" => ProbeKinds.Dns,
                "ssh" => ProbeKinds.Ssh,
                "none" => ProbeKinds.None,
                _ => (ProbeKinds?)null,
            };
            if (k is null) return Parsed<ProbeKinds>.Fail(field, $"'{InterfaceName.Printable(word)}' is not a probe (gateway, dns, ssh or none)");
            if (k == ProbeKinds.None && text.Split(',').Length > 1) return Parsed<ProbeKinds>.Fail(field, "'none' cannot be combined with other probes");
            kinds |= k.Value;
        }
        return Parsed<ProbeKinds>.Success(kinds);
    }
}
