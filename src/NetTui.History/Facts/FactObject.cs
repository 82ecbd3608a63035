using NetTui.Core.Model;

namespace NetTui.History.Facts;

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<FactObjectKind>))]
public enum FactObjectKind { Link, LinuxBridge, Route, OvsBridge, OvsPort, OvsInterface }

/// <summary>
/// An object on the host whose facts a change-set records. Its <see cref="Prefix"/> starts every
/// fact key about it, so the objects of a stored fact set can be recovered from the keys alone
/// (see <see cref="FromKey"/>) to read the same facts again for a drift check.
/// </summary>
public sealed record FactObject(FactObjectKind Kind, string Name)
{
    public static FactObject Link(string name) => new(FactObjectKind.Link, name);
    public static FactObject LinuxBridge(string name) => new(FactObjectKind.LinuxBridge, name);
    public static FactObject OvsBridge(string name) => new(FactObjectKind.OvsBridge, name);
    public static FactObject OvsPort(string name) => new(FactObjectKind.OvsPort, name);
    public static FactObject OvsInterface(string name) => new(FactObjectKind.OvsInterface, name);

    /// <summary>
    /// A route by family, table and destination as the kernel prints them ("main", "default" or
    /// "192.168.2.0/24"); callers normalise the destination the way the snapshot reader does.
    /// </summary>
    public static FactObject Route(string destination, string table = "main", AddressFamily family = AddressFamily.Inet) =>
        new(FactObjectKind.Route, $"{(family == AddressFamily.Inet ? "inet" : "inet6")}/{table}/{destination}");

    public string Prefix => Kind switch
    {
        FactObjectKind.Link => $"link/{Name}/",
        FactObjectKind.LinuxBridge => $"bridge/{Name}/",
        FactObjectKind.OvsBridge => $"ovs-bridge/{Name}/",
        FactObjectKind.OvsPort => $"ovs-port/{Name}/",
        FactObjectKind.OvsInterface => $"ovs-interface/{Name}/",
        // A route is one fact (its destination contains '/', so no field suffix is added).
        FactObjectKind.Route => $"route/{Name}",
        _ => throw new ArgumentOutOfRangeException(),
    };

    /// <summary>The object a fact key is about, or null for keys this class did not produce.</summary>
    public static FactObject? FromKey(string key)
    {
        if (key.StartsWith("route/", StringComparison.Ordinal))
            return new FactObject(FactObjectKind.Route, key["route/".Length..]);

        var slash = key.IndexOf('/');
        var last = key.LastIndexOf('/');
        if (slash <= 0 || last <= slash + 1) return null;
        var name = key[(slash + 1)..last];
        return key[..slash] switch
        {
            "link" => Link(name),
            "bridge" => LinuxBridge(name),
            "ovs-bridge" => OvsBridge(name),
            "ovs-port" => OvsPort(name),
            "ovs-interface" => OvsInterface(name),
            _ => null,
        };
    }
}
