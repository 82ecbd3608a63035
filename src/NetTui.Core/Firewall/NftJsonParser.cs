using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NetTui.Core.Values;

namespace NetTui.Core.Firewall;

/// <summary>
/// Pure: `nft -j list ruleset` into chains and rules (<see cref="FirewallBackend.NftablesNative"/>).
/// With <c>skipIptablesTables</c>, the tables iptables-nft made are left out (they are read,
/// better, from iptables-nft-save): ip/ip6 tables whose chains carry iptables' upper-case
/// built-in names or whose rules hold "xt" (iptables extension) expressions.
/// Expressions NetTui cannot judge become <see cref="RuleMatch.Unjudged"/> text.
/// </summary>
public static class NftJsonParser
{
    private static readonly HashSet<string> IptablesChains = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];

    public static FirewallRuleset Parse(string json, bool skipIptablesTables = true)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("nftables", out var items) || items.ValueKind != JsonValueKind.Array)
            return FirewallRuleset.Empty(FirewallBackend.NftablesNative);
        var chains = new List<(string Family, string Table, string Name, string? Hook, int Prio, string? Policy, List<FirewallRule> Rules)>();
        var iptablesTables = new HashSet<(string, string)>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("chain", out var c))
            {
                var key = (Str(c, "family"), Str(c, "table"));
                if (key.Item1 is "ip" or "ip6" && IptablesChains.Contains(Str(c, "name"))) iptablesTables.Add(key);
                chains.Add((key.Item1, key.Item2, Str(c, "name"), c.TryGetProperty("hook", out var h) ? h.GetString() : null,
                    c.TryGetProperty("prio", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0,
                    c.TryGetProperty("policy", out var pol) ? pol.GetString() : null, []));
            }
            else if (item.TryGetProperty("rule", out var r))
            {
                var family = Str(r, "family");
                var table = Str(r, "table");
                var name = Str(r, "chain");
                var chain = chains.FirstOrDefault(x => x.Family == family && x.Table == table && x.Name == name);
                if (chain.Rules is null) continue;
                var (rule, usesXt) = ParseRule(r, chain.Rules.Count + 1, name);
                if (usesXt && family is "ip" or "ip6") iptablesTables.Add((family, table));
                chain.Rules.Add(rule);
            }
        }
        return new(FirewallBackend.NftablesNative, [.. chains
            .Where(c => !skipIptablesTables || !iptablesTables.Contains((c.Family, c.Table)))
            .Select(c => new FirewallChain(c.Family, c.Table, c.Name, c.Hook, c.Prio, c.Policy, [.. c.Rules]))]);
    }

    private static (FirewallRule Rule, bool UsesXt) ParseRule(JsonElement rule, int position, string chain)
    {
        InterfaceMatch? inIf = null, outIf = null;
        AddressMatch? src = null, dst = null;
        string? proto = null, target = null;
        var ports = ImmutableArray.CreateBuilder<PortRange>();
        var states = ImmutableArray.CreateBuilder<string>();
        var unjudged = ImmutableArray.CreateBuilder<string>();
        var verdict = RuleVerdict.Continue;
        var words = new List<string> { chain };
        var usesXt = false;
        if (rule.TryGetProperty("expr", out var exprs) && exprs.ValueKind == JsonValueKind.Array)
            foreach (var e in exprs.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object) continue;
                var prop = e.EnumerateObject().First();
                switch (prop.Name)
                {
                    case "match":
                        var m = prop.Value;
                        var neg = Str(m, "op") == "!=";
                        var left = m.GetProperty("left");
                        var right = m.GetProperty("right");
                        var what = Left(left);
                        words.Add($"{what}{(neg ? " !=" : "")} {Right(right)}");
                        switch (what)
                        {
                            case "iifname" or "iif" when right.ValueKind == JsonValueKind.String: inIf = new(right.GetString()!, neg); break;
                            case "oifname" or "oif" when right.ValueKind == JsonValueKind.String: outIf = new(right.GetString()!, neg); break;
                            case "ip saddr" or "ip6 saddr" when Addresses(right, neg) is { } a: src = a; break;
                            case "ip daddr" or "ip6 daddr" when Addresses(right, neg) is { } a: dst = a; break;
                            case "tcp dport" or "udp dport" when !neg:
                                proto = what[..3];
                                ports.AddRange(Ports(right));
                                break;
                            case "meta l4proto" or "ip protocol" when right.ValueKind == JsonValueKind.String && !neg: proto = right.GetString(); break;
                            case "ct state" when !neg: states.AddRange(Strings(right)); break;
                            default: unjudged.Add(words[^1]); break;
                        }
                        break;
                    case "counter": break;
                    case "accept": verdict = RuleVerdict.Accept; words.Add("accept"); break;
                    case "drop": verdict = RuleVerdict.Drop; words.Add("drop"); break;
                    case "reject": verdict = RuleVerdict.Reject; words.Add("reject"); break;
                    case "return": verdict = RuleVerdict.Return; words.Add("return"); break;
                    case "masquerade": verdict = RuleVerdict.Masquerade; words.Add("masquerade"); break;
                    case "snat": verdict = RuleVerdict.Snat; target = Right(prop.Value); words.Add("snat " + target); break;
                    case "dnat": verdict = RuleVerdict.Dnat; target = Right(prop.Value); words.Add("dnat " + target); break;
                    case "jump" or "goto":
                        verdict = prop.Name == "jump" ? RuleVerdict.Jump : RuleVerdict.Goto;
                        target = Str(prop.Value, "target");
                        words.Add($"{prop.Name} {target}");
                        break;
                    case "xt":
                        usesXt = true;
                        var xtName = Str(prop.Value, "name");
                        if (Str(prop.Value, "type") == "target")
                        {
                            verdict = xtName switch { "MASQUERADE" => RuleVerdict.Masquerade, "REJECT" => RuleVerdict.Reject, "SNAT" => RuleVerdict.Snat, "DNAT" => RuleVerdict.Dnat, _ => RuleVerdict.Continue };
                            words.Add(xtName);
                        }
                        else { unjudged.Add("xt " + xtName); words.Add("xt " + xtName); }
                        break;
                    default: unjudged.Add(prop.Name); words.Add(prop.Name); break;
                }
            }
        var match = new RuleMatch(inIf, outIf, src, dst, proto, false, ports.ToImmutable(), states.ToImmutable(), unjudged.ToImmutable());
        return (new FirewallRule(position, match, verdict, target, string.Join(' ', words)), usesXt);
    }

    private static string Left(JsonElement left)
    {
        if (left.ValueKind != JsonValueKind.Object) return Right(left);
        var p = left.EnumerateObject().First();
        return p.Name switch
        {
            "meta" => Str(p.Value, "key") is var k && k is "iifname" or "oifname" or "iif" or "oif" ? k : "meta " + Str(p.Value, "key"),
            "payload" => $"{Str(p.Value, "protocol")} {Str(p.Value, "field")}",
            "ct" => "ct " + Str(p.Value, "key"),
            _ => p.Name,
        };
    }

    private static string Right(JsonElement right) => right.ValueKind switch
    {
        JsonValueKind.String => right.GetString()!,
        JsonValueKind.Number => right.GetRawText(),
        JsonValueKind.Array => "{ " + string.Join(", ", right.EnumerateArray().Select(Right)) + " }",
        JsonValueKind.Object when right.TryGetProperty("prefix", out var p) => $"{Str(p, "addr")}/{p.GetProperty("len").GetRawText()}",
        JsonValueKind.Object when right.TryGetProperty("range", out var r) => string.Join('-', r.EnumerateArray().Select(Right)),
        JsonValueKind.Object when right.TryGetProperty("set", out var s) => Right(s),
        JsonValueKind.Object when right.TryGetProperty("addr", out var a) => Right(a) + (right.TryGetProperty("port", out var port) ? ":" + Right(port) : ""),
        _ => right.GetRawText(),
    };

    private static AddressMatch? Addresses(JsonElement right, bool negated)
    {
        var list = ImmutableArray.CreateBuilder<IpPrefix>();
        foreach (var item in right.ValueKind == JsonValueKind.Object && right.TryGetProperty("set", out var set) ? set.EnumerateArray().ToArray() : [right])
        {
            var text = Right(item);
            var p = IpPrefix.Parse(text.Contains('/') ? text : text + (text.Contains(':') ? "/128" : "/32"));
            if (!p.Ok) return null;
            list.Add(p.Get());
        }
        return new(list.ToImmutable(), negated);
    }

    private static IEnumerable<PortRange> Ports(JsonElement right)
    {
        if (right.ValueKind == JsonValueKind.Number) { yield return new(right.GetInt32(), right.GetInt32()); yield break; }
        if (right.ValueKind == JsonValueKind.Object && right.TryGetProperty("range", out var r))
        {
            var ends = r.EnumerateArray().Select(x => x.GetInt32()).ToArray();
            yield return new(ends[0], ends[1]);
            yield break;
        }
        if (right.ValueKind == JsonValueKind.Object && right.TryGetProperty("set", out var s))
            foreach (var item in s.EnumerateArray())
                foreach (var p in Ports(item)) yield return p;
    }

    private static IEnumerable<string> Strings(JsonElement right) =>
        right.ValueKind == JsonValueKind.Array ? right.EnumerateArray().Select(Right) : [Right(right)];

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
