using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Persistence;

/// <summary>
/// The lab snapshot with NetworkManager up and annotated as a full read is: br0 has profile
/// nettui-br0 (192.168.50.1/24 and the table-100 route to 10.99.0.0/16, plus a route to
/// 10.98.0.0/16 the kernel does not have), profile nettui-br5 builds a bridge that does not
/// exist, and br9 is a bridge made by hand (runtime only). fd00:50::1/64 on br0 is in no profile.
/// </summary>
internal static class PersistedLab
{
    public static NmProfile Profile(string id, string iface, string[] addresses, params NmProfileRoute[] routes) =>
        new(id, $"uuid-{id}", "bridge", iface, null, null, true, true, "manual", [.. addresses], [.. routes], iface,
            $"/etc/NetworkManager/system-connections/{id}.nmconnection");

    public static HostSnapshot Snapshot()
    {
        var lab = LabSnapshots.Lab();
        return PersistenceAnnotator.Annotate(lab with
        {
            Links = [.. lab.Links, new(12, "br9", LinkKind.Bridge, "UP", true, 1500, "aa:bb:cc:00:00:0c", null, null, null,
                [new LinkAddress(AddressFamily.Inet, "192.168.90.1", 24, "global")])],
            Bridges = [.. lab.Bridges, new("br9", 12, "8000.aabbcc00000c", false, [])],
            Sources = LabSnapshots.Sources(nmDown: false),
            NetworkManager = new NetworkManagerState(true, null, "1.42.4",
            [
                Profile("nettui-br0", "br0", ["192.168.50.1/24"],
                    new NmProfileRoute("10.99.0.0/16", "192.168.50.2", 20, 100), new NmProfileRoute("10.98.0.0/16", null, null, null)),
                Profile("nettui-br5", "br5", ["192.168.55.1/24"]),
            ]),
        });
    }
}
