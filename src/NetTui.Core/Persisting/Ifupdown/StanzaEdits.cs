using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>The edits of one stanza's lines that the ifupdown backend makes (bridge ports, addresses, routes, the whole stanza).</summary>
public static class StanzaEdits
{
    public static IReadOnlyList<string> Ports(Stanza s) =>
        s.All("bridge_ports").SelectMany(o => o.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p is not ("none" or "all")).ToList();

    public static void AddPort(InterfacesFile f, Stanza s, LineEdits e, string port)
    {
        if (Ports(s).Contains(port)) return;
        if (s.All("bridge_ports").FirstOrDefault() is { } line)
            e.Replace(line.Line, Indent(f, line) + "bridge_ports " + string.Join(' ', Ports(s).Append(port)));
        else e.AddOption(s, "bridge_ports " + port);
    }

    /// <summary>Removes the port from bridge_ports ("none" when it was the last); null when done.</summary>
    public static string? RemovePort(InterfacesFile f, Stanza s, LineEdits e, string port)
    {
        var line = s.All("bridge_ports").First(o => o.Value.Split(' ').Contains(port));
        var rest = line.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != port).ToList();
        e.Replace(line.Line, Indent(f, line) + "bridge_ports " + (rest.Count == 0 ? "none" : string.Join(' ', rest)));
        return null;
    }

    /// <summary>Removes the line giving the address; an "inet static" stanza left without one becomes "inet manual". Null when done, else why nothing is to be done.</summary>
    public static string? RemoveAddress(InterfacesFile f, Stanza s, LineEdits e, IpPrefix address)
    {
        var line = s.Options.FirstOrDefault(o => StanzaText.AddressOf(o) is { } a && a.Address.Equals(address.Address) && a.PrefixLength == address.PrefixLength);
        if (line is null) return $"{address} is in no ifupdown stanza of {s.Name}: removing it at runtime is enough";
        e.Remove(line.Line);
        if (line.Key == "address" && s.Method == "static" && s.All("address").Count() == 1)
        {
            e.Replace(s.Header, f.Content(s.Header).Replace(" static", " manual", StringComparison.Ordinal));
            foreach (var o in s.Options.Where(o => o.Key is "netmask" or "gateway" or "broadcast")) e.Remove(o.Line);
        }
        return null;
    }

    /// <summary>The "up ip route add" (or, for a default route, "gateway") line of the route, if the stanza has it.</summary>
    public static StanzaOption? RouteLine(Stanza s, IpPrefix? destination, string? via) =>
        destination is null ? null : s.Options.FirstOrDefault(o =>
            StanzaText.RouteOf(o) is { } r ? r.Destination.SameAs(destination) && (via is null || r.Via == via)
            : o.Key == "gateway" && destination.PrefixLength == 0 && (via is null || o.Value == via));

    /// <summary>Removes the stanza's header and options, and its name from auto/allow lines (the line itself when it named only it).</summary>
    public static void RemoveStanza(InterfacesFile f, string name, LineEdits e)
    {
        foreach (var s in f.Stanzas.Where(s => s.Name == name))
        {
            e.Remove(s.Header);
            foreach (var o in s.Options) e.Remove(o.Line);
        }
        foreach (var a in f.Autos.Where(a => a.Names.Contains(name)))
        {
            if (a.Names.Length == 1) e.Remove(a.Line);
            else e.Replace(a.Line, a.Keyword + " " + string.Join(' ', a.Names.Where(n => n != name)));
        }
    }

    private static string Indent(InterfacesFile f, StanzaOption o) => new(f.Lines[o.Line].TakeWhile(char.IsWhiteSpace).ToArray());
}
