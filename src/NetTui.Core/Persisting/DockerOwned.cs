using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// Objects Docker owns and rebuilds when dockerd starts (docker0, the br-&lt;id&gt; bridge of a
/// user network, a container's host-side veth). A NetworkManager profile for one of them
/// fights dockerd at the next start, so NetTui never offers one: the change stays runtime,
/// labelled "managed by Docker".
/// </summary>
public static class DockerOwned
{
    public static bool Is(HostSnapshot host, string name) =>
        host.FindLink(name) is { } l && BootOwners.Of(host, withOvs: false).ForDevice(l).Where == PersistenceKind.Docker;

    /// <summary>The first Docker-owned interface <paramref name="op"/> touches, or null.</summary>
    public static string? Touched(Operation op, HostSnapshot host) =>
        Names(op).FirstOrDefault(n => n is not null && Is(host, n));

    /// <summary>Why the change is not persisted, for the plan's first line.</summary>
    public static string Reason(string name) =>
        $"{name} is managed by Docker, which rebuilds it when it starts; a NetworkManager profile would fight it";

    private static IEnumerable<string?> Names(Operation op) => op switch
    {
        AttachToBridge a => [a.Bridge, a.Interface],
        DetachFromBridge d => [d.Interface],
        AddAddress a => [a.Interface],
        RemoveAddress r => [r.Interface],
        AddRoute r => [r.Dev],
        DeleteRoute r => [r.Dev],
        DeleteBridge b => [b.Name],
        _ => [],
    };
}
