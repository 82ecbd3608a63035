using System.Collections.Immutable;

namespace NetTui.Core.Firewall;

/// <summary>
/// Pure: `sysctl net.ipv4.ip_forward net.ipv4.conf net.bridge` output ("key = value" lines)
/// into <see cref="ForwardingSysctls"/>. Keys not printed stay null (no br_netfilter: no net.bridge keys).
/// </summary>
public static class SysctlParser
{
    public static ForwardingSysctls Parse(string text)
    {
        bool? ipForward = null, nfIp = null, nfIp6 = null;
        var perDevice = ImmutableDictionary.CreateBuilder<string, bool>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var eq = raw.IndexOf(" = ", StringComparison.Ordinal);
            if (eq < 0) continue;
            var key = raw[..eq].Trim().Replace('/', '.');
            var on = raw[(eq + 3)..].Trim() != "0";
            switch (key)
            {
                case "net.ipv4.ip_forward": ipForward = on; break;
                case "net.bridge.bridge-nf-call-iptables": nfIp = on; break;
                case "net.bridge.bridge-nf-call-ip6tables": nfIp6 = on; break;
                default:
                    const string prefix = "net.ipv4.conf.";
                    // A device name may itself hold dots (eth0.100): the key ends with ".forwarding".
                    if (key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(".forwarding", StringComparison.Ordinal)
                        && !key.EndsWith("mc_forwarding", StringComparison.Ordinal) && !key.EndsWith("bc_forwarding", StringComparison.Ordinal))
                        perDevice[key[prefix.Length..^".forwarding".Length]] = on;
                    break;
            }
        }
        return new(ipForward, perDevice.ToImmutable(), nfIp, nfIp6);
    }
}
