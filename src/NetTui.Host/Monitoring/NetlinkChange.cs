namespace NetTui.Host.Monitoring;

/// <summary>What kind of kernel object an `ip monitor` event was about.</summary>
[Flags]
public enum NetlinkChange
{
    None = 0,
    Link = 1,
    Address = 2,
    Route = 4,
}

/// <summary>
/// One `ip monitor` event: its kind and, for link and address events, the interface it
/// names (ifindex and name), so a live update can re-read that one link instead of all.
/// </summary>
public sealed record NetlinkEvent(NetlinkChange Kind, int? Index = null, string? Name = null, bool Deleted = false);

/// <summary>
/// Classifies the lines of `ip monitor label link address route`: each event starts with a
/// label ("[LINK]", "[ADDR]", "[ROUTE]"); continuation lines (indented) carry no label.
/// Link and address lines then name the interface: "[LINK]Deleted 3: v1@v2: &lt;...&gt;",
/// "[ADDR]3: v1    inet 10.9.9.1/24 ...".
/// </summary>
public static class IpMonitorParser
{
    public static NetlinkChange Classify(string line)
    {
        if (line.StartsWith("[LINK]", StringComparison.Ordinal)) return NetlinkChange.Link;
        if (line.StartsWith("[ADDR]", StringComparison.Ordinal)) return NetlinkChange.Address;
        if (line.StartsWith("[ROUTE]", StringComparison.Ordinal)) return NetlinkChange.Route;
        return NetlinkChange.None;
    }

    /// <summary>The event a line starts, or null for a continuation line. A link or address
    /// line whose interface cannot be made out gives an event without a name (read all links).</summary>
    public static NetlinkEvent? Parse(string line)
    {
        var kind = Classify(line);
        if (kind == NetlinkChange.None) return null;
        if (kind == NetlinkChange.Route) return new NetlinkEvent(kind);

        var rest = line.AsSpan(kind == NetlinkChange.Link ? "[LINK]".Length : "[ADDR]".Length);
        var deleted = rest.StartsWith("Deleted ", StringComparison.Ordinal);
        if (deleted) rest = rest["Deleted ".Length..];
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[..colon], System.Globalization.NumberStyles.None, null, out var index))
            return new NetlinkEvent(kind, Deleted: deleted);
        rest = rest[(colon + 1)..].TrimStart(' ');
        // A link line: "name@peer: <flags>"; an address line: "name    inet ...".
        var end = rest.IndexOfAny(kind == NetlinkChange.Link ? ":@" : " \t:");
        var name = (end < 0 ? rest : rest[..end]).ToString();
        return name.Length == 0
            ? new NetlinkEvent(kind, index, null, deleted)
            : new NetlinkEvent(kind, index, name, deleted);
    }
}
