using NetTui.Core.Operations;
using NetTui.Core.Values;
using static NetTui.Core.Persisting.PersistentPlan;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>
/// Open vSwitch through ifupdown, as Debian's openvswitch-switch reads it (its hook
/// /etc/network/if-pre-up.d/openvswitch; README.Debian): the bridge's stanza (ovs_type OVSBridge,
/// ovs_ports, a netdev datapath as ovs_extra) and one stanza per port (allow-BRIDGE PORT,
/// ovs_bridge, ovs_type OVSPort|OVSIntPort|OVSTunnel, ovs_tunnel_type and ovs_tunnel_options),
/// all in the bridge's own file, /etc/network/interfaces.d/nettui-BRIDGE. OVSDB keeps the
/// objects anyway; these stanzas make them again with `ifup -a` when OVSDB does not (a fresh
/// database, a host rebuilt from its /etc), and say in /etc what the host is.
/// </summary>
public static class OvsStanzas
{
    private const string Ovsdb = "persistent: Open vSwitch keeps this in OVSDB (conf.db)";

    public static PersistentPlan Plan(IfupdownConfig config, Operation op) => op switch
    {
        CreateOvsBridge c => CreateBridge(config, c),
        DeleteOvsBridge d => DeleteBridge(config, d.Name),
        AddOvsGrePort g => AddPort(config, g.AsPort()),
        AddOvsVxlanPort v => AddPort(config, v.AsPort()),
        AddOvsPort p => AddPort(config, p),
        DeleteOvsPort d => DeletePort(config, d.Bridge, d.Port),
        _ => Elsewhere(Ovsdb),
    };

    private static string Label(string file) => $"{Ovsdb}; ifupdown, {file} (ovs_type) makes it again at boot";

    private static PersistentPlan CreateBridge(IfupdownConfig config, CreateOvsBridge c)
    {
        if (config.StanzaFor(c.Name) is { } found) return Elsewhere($"{Ovsdb} ({found.File.Path} already defines {c.Name}; NetTui does not define it twice)");
        var own = IfupdownConfig.OwnFile(c.Name);
        var lines = new List<string> { StanzaText.Header, $"auto {c.Name}", $"allow-ovs {c.Name}", $"iface {c.Name} inet manual", "    ovs_type OVSBridge" };
        if (!c.Ports.IsEmpty) lines.Add("    ovs_ports " + string.Join(' ', c.Ports.Select(p => p.Port)));
        // The hook runs `add-br`; a netdev bridge (no kernel datapath) needs its datapath set in the same call.
        if (c.Datapath != "system") lines.Add($"    ovs_extra set bridge ${{IFACE}} datapath_type={c.Datapath}");
        lines.AddRange(c.Addresses.Select(a => $"    up ip addr add {IpPrefix.Parse(a).Get()} dev {c.Name}"));
        foreach (var p in c.Ports) lines.AddRange(["", .. PortStanza(p)]);
        config.Set(own, string.Join('\n', lines) + "\n");
        if (!config.Sourced(own))
        {
            var main = config.File(IfupdownConfig.Interfaces);
            config.Set(IfupdownConfig.Interfaces, main is null ? IfupdownConfig.SourceLine + "\n" : new LineEdits(main).Append(IfupdownConfig.SourceLine).Build());
        }
        return Files(Label(own), []);
    }

    /// <summary>The stanza of one OVS port: the hook adds it when its bridge comes up (ifup --allow=BRIDGE).</summary>
    public static IEnumerable<string> PortStanza(AddOvsPort p)
    {
        yield return $"allow-{p.Bridge} {p.Port}";
        yield return $"iface {p.Port} inet manual";
        yield return $"    ovs_bridge {p.Bridge}";
        switch (p.Type)
        {
            case "" or "system":
                yield return "    ovs_type OVSPort";
                break;
            case "internal":
                yield return "    ovs_type OVSIntPort";
                break;
            default:
                // The hook sets type= and the options in the same add-port transaction (any OVS interface type).
                yield return "    ovs_type OVSTunnel";
                yield return $"    ovs_tunnel_type {p.Type}";
                break;
        }
        if (!p.Options.IsEmpty) yield return "    ovs_tunnel_options " + string.Join(' ', p.Options.Select(o => $"options:{o.Key}={o.Value}"));
    }

    /// <summary>The stanza of the OVS bridge (ovs_type OVSBridge) named <paramref name="bridge"/>, with its file.</summary>
    private static (InterfacesFile File, Stanza Stanza)? BridgeStanza(IfupdownConfig config, string bridge) =>
        config.StanzaFor(bridge) is { } found && found.Stanza.All("ovs_type").Any(o => o.Value == "OVSBridge") ? found : null;

    private static IReadOnlyList<string> Ports(Stanza s) => [.. s.All("ovs_ports").SelectMany(o => o.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static PersistentPlan AddPort(IfupdownConfig config, AddOvsPort p)
    {
        if (BridgeStanza(config, p.Bridge) is not { } found) return Elsewhere($"{Ovsdb} ({p.Bridge} has no ifupdown stanza)");
        if (config.StanzaFor(p.Port) is { } port) return Elsewhere($"{Ovsdb} ({port.File.Path} already defines {p.Port})");
        var (file, s) = found;
        var e = new LineEdits(file);
        if (s.All("ovs_ports").FirstOrDefault() is { } line) e.Replace(line.Line, e.Indent(s) + "ovs_ports " + string.Join(' ', Ports(s).Append(p.Port)));
        else e.AddOption(s, "ovs_ports " + p.Port);
        e.Append("");
        foreach (var l in PortStanza(p)) e.Append(l);
        config.Set(config.HostPathOf(file.Path), e.Build());
        return Files(Label(config.HostPathOf(file.Path)), []);
    }

    private static PersistentPlan DeletePort(IfupdownConfig config, string bridge, string port)
    {
        var stanza = config.StanzaFor(port);
        var bridgeStanza = BridgeStanza(config, bridge);
        if (stanza is null && bridgeStanza is null) return Elsewhere(Ovsdb);
        // Both in one file (NetTui's): one edit; else each file on its own.
        if (bridgeStanza is { } b && Ports(b.Stanza).Contains(port))
        {
            var e = new LineEdits(b.File);
            var line = b.Stanza.All("ovs_ports").First(o => o.Value.Split(' ').Contains(port));
            var rest = line.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(x => x != port).ToList();
            if (rest.Count == 0) e.Remove(line.Line);
            else e.Replace(line.Line, e.Indent(b.Stanza) + "ovs_ports " + string.Join(' ', rest));
            if (stanza is { } same && same.File.Path == b.File.Path) StanzaEdits.RemoveStanza(b.File, port, e);
            config.Set(config.HostPathOf(b.File.Path), e.Build());
        }
        if (stanza is { } other && other.File.Path != bridgeStanza?.File.Path)
        {
            var e = new LineEdits(other.File);
            StanzaEdits.RemoveStanza(other.File, port, e);
            config.Set(config.HostPathOf(other.File.Path), e.Build());
        }
        return Files($"{Ovsdb}; ifupdown: the stanza of {port} removed", []);
    }

    private static PersistentPlan DeleteBridge(IfupdownConfig config, string name)
    {
        var own = IfupdownConfig.OwnFile(name);
        if (config.File(own) is { } file && BridgeStanza(config, name) is { } b && b.File.Path == file.Path
            && file.Stanzas.All(s => s.Name == name || s.All("ovs_bridge").Any(o => o.Value == name)))
        {
            config.Set(own, null);
            return Files($"{Ovsdb}; ifupdown, {own} removed", []);
        }
        return BridgeStanza(config, name) is { } admins
            ? Runtime($"{admins.File.Path} defines OVS bridge {name} (ovs_type): ifup would make it again at boot; remove its stanza there")
            : Elsewhere(Ovsdb);
    }
}
