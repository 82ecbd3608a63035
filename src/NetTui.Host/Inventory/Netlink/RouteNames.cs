namespace NetTui.Host.Inventory.Netlink;

/// <summary>
/// The names `ip` gives the numbers in a route (table, protocol, scope, type): its built-in
/// names plus the admin's /etc/iproute2 files, so routes read from netlink carry exactly the
/// text `ip -j route` would have printed ("main", "kernel", "link", "unicast", or a number).
/// </summary>
internal sealed class RouteNames
{
    private readonly Dictionary<uint, string> _tables = new() { [0] = "unspec", [253] = "default", [254] = "main", [255] = "local" };
    private readonly string?[] _protocols = new string?[256];
    private readonly string?[] _scopes = new string?[256];
    private readonly Dictionary<uint, string> _tableCache = [];

    private static readonly string[] Types =
        ["none", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"];

    public RouteNames(string etcDir = "/etc/iproute2", string usrDir = "/usr/share/iproute2")
    {
        foreach (var (n, name) in new (int, string)[]
        {
            (0, "unspec"), (1, "redirect"), (2, "kernel"), (3, "boot"), (4, "static"), (8, "gated"), (9, "ra"), (10, "mrt"),
            (11, "zebra"), (12, "bird"), (13, "dnrouted"), (14, "xorp"), (15, "ntk"), (16, "dhcp"), (18, "keepalived"),
            (42, "babel"), (99, "openr"), (186, "bgp"), (187, "isis"), (188, "ospf"), (189, "rip"), (192, "eigrp"),
        }) _protocols[n] = name;
        foreach (var (n, name) in new (int, string)[] { (0, "global"), (200, "site"), (253, "link"), (254, "host"), (255, "nowhere") })
            _scopes[n] = name;

        // iproute2 reads /etc/iproute2 when the file is there, else /usr/share/iproute2 (newer releases).
        foreach (var (k, v) in Read("rt_tables", etcDir, usrDir)) _tables[k] = v;
        foreach (var dir in new[] { Path.Combine(etcDir, "rt_tables.d"), Path.Combine(usrDir, "rt_tables.d") })
            if (Directory.Exists(dir))
                foreach (var f in Directory.GetFiles(dir, "*.conf").Order())
                    foreach (var (k, v) in ReadFile(f)) _tables.TryAdd(k, v);
        foreach (var (k, v) in Read("rt_protos", etcDir, usrDir)) if (k < 256) _protocols[k] = v;
        foreach (var (k, v) in Read("rt_scopes", etcDir, usrDir)) if (k < 256) _scopes[k] = v;
    }

    public string Table(uint id)
    {
        if (_tables.TryGetValue(id, out var name)) return name;
        if (!_tableCache.TryGetValue(id, out name)) _tableCache[id] = name = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;
    }

    public string Protocol(byte p) => _protocols[p] ??= p.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string Scope(byte s) => _scopes[s] ??= s.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Type(byte t) => t < Types.Length ? Types[t] : t.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<(uint, string)> Read(string file, string etcDir, string usrDir)
    {
        var etc = Path.Combine(etcDir, file);
        return ReadFile(File.Exists(etc) ? etc : Path.Combine(usrDir, file));
    }

    /// <summary>"number name" lines; '#' comments; numbers in decimal or 0x hex, as iproute2 accepts.</summary>
    private static IEnumerable<(uint, string)> ReadFile(string path)
    {
        if (!File.Exists(path)) yield break;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            uint id;
            bool ok = parts[0].StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? uint.TryParse(parts[0].AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out id)
                : uint.TryParse(parts[0], out id);
            if (ok && parts[1][0] != '#') yield return (id, parts[1]);
        }
    }
}
