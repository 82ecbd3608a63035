using System.Globalization;

namespace NetTui.Core.Wizard;

/// <summary>What this host's INPUT chain does with an incoming tunnel packet (UDP to a port), and the rule or policy that decides it.</summary>
public sealed record FirewallVerdict(bool Blocked, string Evidence);

/// <summary>
/// Pure: reads `iptables-save -t filter` (the nf_tables or legacy backend prints the same text)
/// and says whether the INPUT chain accepts new UDP packets to a port (VXLAN's 4789). Walks the
/// chain's own rules in order; a rule that names the protocol and port, or that matches every
/// packet, decides; rules it cannot judge (by source, interface, state, a jump to another
/// chain) are passed over, and the chain's policy decides at the end. No INPUT chain at all
/// (no iptables filter table): nothing there drops it.
/// </summary>
public static class InputFirewall
{
    public static FirewallVerdict ForUdp(string iptablesSave, int port)
    {
        string? policy = null;
        foreach (var raw in iptablesSave.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith(":INPUT ", StringComparison.Ordinal))
                policy = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            else if (line.StartsWith("-A INPUT ", StringComparison.Ordinal) && Decides(line, port) is { } blocked)
                return new(blocked, $"INPUT rule \"{line[3..]}\"");
        }
        return policy switch
        {
            null => new(false, "no iptables INPUT chain"),
            "DROP" or "REJECT" => new(true, $"INPUT policy {policy} and no rule accepts udp {port}"),
            _ => new(false, $"INPUT policy {policy}"),
        };
    }

    /// <summary>True: the rule drops the packet; false: it accepts it; null: it does not decide (or NetTui cannot tell).</summary>
    private static bool? Decides(string rule, int port)
    {
        var words = rule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var target = Value(words, "-j");
        if (target is not ("ACCEPT" or "DROP" or "REJECT")) return null;
        var protocol = Value(words, "-p");
        var ports = Value(words, "--dport") ?? Value(words, "--dports");
        // Anything else narrowing the match (source, interface, state, marks) is beyond this check.
        var narrowed = words.Skip(2).Where(w => w.StartsWith('-')).Any(w => w is not ("-p" or "-m" or "--dport" or "--dports" or "-j"));
        if (narrowed) return null;
        var matches = protocol is null && ports is null
            || protocol == "udp" && (ports is null || PortIn(ports, port));
        return matches ? target != "ACCEPT" : null;
    }

    private static string? Value(string[] words, string option)
    {
        var i = Array.IndexOf(words, option);
        return i >= 0 && i + 1 < words.Length ? words[i + 1] : null;
    }

    /// <summary>"4789", "4789:4790", "53,4789".</summary>
    private static bool PortIn(string ports, int port) => ports.Split(',').Any(p =>
    {
        var range = p.Split(':');
        return int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lo)
            && (range.Length == 1 ? lo == port : int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hi) && port >= lo && port <= hi);
    });
}
