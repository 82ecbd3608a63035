using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Values;

namespace NetTui.Core.Firewall;

/// <summary>
/// Pure: `iptables-save` text (iptables-nft and iptables-legacy print the same format) into
/// chains with their rules in order. Built-in chains get their hook and the priority
/// nftables gives iptables' tables; "-" policies (user chains) become null. Options NetTui
/// cannot judge (addrtype, marks, --sport...) land in <see cref="RuleMatch.Unjudged"/>.
/// </summary>
public static class IptablesSaveParser
{
    public static FirewallRuleset Parse(string text, FirewallBackend backend, string family = "ip")
    {
        var chains = new List<(string Table, string Name, string? Policy, List<FirewallRule> Rules)>();
        string? table = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '*') { table = line[1..]; continue; }
            if (table is null || line == "COMMIT") continue;
            if (line[0] == ':')
            {
                var words = line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 2) chains.Add((table, words[0], words[1] == "-" ? null : words[1].ToLowerInvariant(), []));
            }
            else if (line.StartsWith("-A ", StringComparison.Ordinal))
            {
                var words = Tokenize(line);
                if (words.Count < 2) continue;
                var chain = chains.FirstOrDefault(c => c.Table == table && c.Name == words[1]);
                if (chain.Rules is null) { chain = (table, words[1], null, []); chains.Add(chain); }
                var declared = chains.Where(c => c.Table == table).Select(c => c.Name);
                chain.Rules.Add(ParseRule(words, chain.Rules.Count + 1, line[3..], declared));
            }
        }
        return new(backend, [.. chains.Select(c => new FirewallChain(family, c.Table, c.Name, HookOf(c.Name), PriorityOf(c.Table, c.Name), c.Policy, [.. c.Rules]))]);
    }

    private static FirewallRule ParseRule(List<string> w, int position, string text, IEnumerable<string> declaredChains)
    {
        InterfaceMatch? inIf = null, outIf = null;
        AddressMatch? src = null, dst = null;
        string? proto = null, target = null, targetArgs = null;
        var protoNeg = false;
        var ports = ImmutableArray.CreateBuilder<PortRange>();
        var states = ImmutableArray.CreateBuilder<string>();
        var unjudged = ImmutableArray.CreateBuilder<string>();
        var verdict = RuleVerdict.Continue;
        var negate = false;
        var afterTarget = false;
        for (var i = 2; i < w.Count; i++)
        {
            var opt = w[i];
            if (opt == "!") { negate = true; continue; }
            var value = i + 1 < w.Count ? w[i + 1] : "";
            var used = true;
            switch (opt)
            {
                case "-i": inIf = new(value, negate); break;
                case "-o": outIf = new(value, negate); break;
                case "-s": src = Addresses(value, negate) ?? Unjudged(unjudged, opt, value, negate, ref used); break;
                case "-d": dst = Addresses(value, negate) ?? Unjudged(unjudged, opt, value, negate, ref used); break;
                case "-p": proto = value.ToLowerInvariant(); protoNeg = negate; break;
                case "-m": break;
                case "--dport" or "--dports" or "--destination-port" or "--destination-ports":
                    if (negate) unjudged.Add($"! {opt} {value}");
                    else ports.AddRange(Ports(value));
                    break;
                case "--ctstate" or "--state":
                    if (negate) unjudged.Add($"! {opt} {value}");
                    else states.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()));
                    break;
                case "--comment": break;
                case "-j" or "-g":
                    target = value;
                    verdict = declaredChains.Contains(value) ? (opt == "-g" ? RuleVerdict.Goto : RuleVerdict.Jump) : VerdictOf(value, opt == "-g");
                    afterTarget = true;
                    break;
                case "--to-destination" or "--to-source" or "--to-ports" or "--to":
                    targetArgs = value; break;
                default:
                    // A flag alone ("--random") or an option with a value we do not judge.
                    var hasValue = value.Length > 0 && !value.StartsWith('-') && value != "!";
                    if (!afterTarget) unjudged.Add((negate ? "! " : "") + opt + (hasValue ? " " + value : ""));
                    used = hasValue;
                    break;
            }
            if (used) i++;
            negate = false;
        }
        var match = new RuleMatch(inIf, outIf, src, dst, proto, protoNeg, ports.ToImmutable(), states.ToImmutable(), unjudged.ToImmutable());
        var shownTarget = verdict is RuleVerdict.Jump or RuleVerdict.Goto ? target : targetArgs;
        return new FirewallRule(position, match, verdict, shownTarget, text);
    }

    private static AddressMatch? Unjudged(ImmutableArray<string>.Builder unjudged, string opt, string value, bool negate, ref bool used)
    {
        unjudged.Add((negate ? "! " : "") + opt + " " + value);
        used = true;
        return null;
    }

    private static AddressMatch? Addresses(string value, bool negate)
    {
        var prefixes = ImmutableArray.CreateBuilder<IpPrefix>();
        foreach (var part in value.Split(','))
        {
            var p = IpPrefix.Parse(part.Contains('/') ? part : part + "/32");
            if (!p.Ok) return null;
            prefixes.Add(p.Get());
        }
        return new(prefixes.ToImmutable(), negate);
    }

    /// <summary>"80", "8000:8080", "53,4780:4790".</summary>
    internal static IEnumerable<PortRange> Ports(string value)
    {
        foreach (var part in value.Split(','))
        {
            var range = part.Split(':');
            if (!int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lo)) continue;
            var hi = lo;
            if (range.Length > 1 && !int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out hi)) continue;
            yield return new PortRange(lo, hi);
        }
    }

    private static RuleVerdict VerdictOf(string target, bool isGoto) => target switch
    {
        "ACCEPT" => RuleVerdict.Accept,
        "DROP" => RuleVerdict.Drop,
        "REJECT" => RuleVerdict.Reject,
        "RETURN" => RuleVerdict.Return,
        "MASQUERADE" => RuleVerdict.Masquerade,
        "SNAT" => RuleVerdict.Snat,
        "DNAT" => RuleVerdict.Dnat,
        // Other upper-case names not declared as chains are extensions (LOG, MARK, CT...): they do not decide.
        _ when target.All(c => char.IsAsciiLetterUpper(c) || c == '_') => RuleVerdict.Continue,
        _ => isGoto ? RuleVerdict.Goto : RuleVerdict.Jump,
    };

    private static string? HookOf(string chain) => chain switch
    {
        "PREROUTING" => "prerouting",
        "INPUT" => "input",
        "FORWARD" => "forward",
        "OUTPUT" => "output",
        "POSTROUTING" => "postrouting",
        _ => null,
    };

    /// <summary>The priorities nftables gives iptables' tables (raw -300, mangle -150, dstnat -100, filter 0, srcnat 100).</summary>
    private static int PriorityOf(string table, string chain) => table switch
    {
        "raw" => -300,
        "mangle" => -150,
        "nat" => chain is "POSTROUTING" or "INPUT" ? 100 : -100,
        "security" => 50,
        _ => 0,
    };

    /// <summary>Splits on spaces, keeping "quoted text" (comments) as one word.</summary>
    private static List<string> Tokenize(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && quoted && i + 1 < line.Length) { current.Append(line[++i]); continue; }
            if (c == '"') { quoted = !quoted; continue; }
            if (c == ' ' && !quoted)
            {
                if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
