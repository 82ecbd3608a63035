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
/// Classifies the lines of `ip monitor label link address route`: each event starts with a
/// label ("[LINK]", "[ADDR]", "[ROUTE]"); continuation lines (indented) carry no label.
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
}
