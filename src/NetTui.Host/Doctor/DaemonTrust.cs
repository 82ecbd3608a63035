using NetTui.Core.Doctor.Facts;
using NetTui.Files;

namespace NetTui.Host.Doctor;

/// <summary>
/// The Doctor finds OVS daemons by process name, which any user can choose. It believes one
/// (reads its environment and control socket, offers fixes through it) only when root, this
/// user or the openvswitch service user runs it and owns the sockets it listens on.
/// </summary>
public static class DaemonTrust
{
    /// <summary>The service accounts Open vSwitch packages run their daemons as (ovs-ctl --ovs-user).</summary>
    private static readonly string[] ServiceUsers = ["openvswitch"];

    public static IReadOnlySet<uint> TrustedUids(string passwd = "/etc/passwd")
    {
        var uids = new HashSet<uint> { 0, FileFacts.CurrentUid };
        try
        {
            foreach (var line in File.ReadLines(passwd))
            {
                var f = line.Split(':');
                if (f.Length > 2 && ServiceUsers.Contains(f[0]) && uint.TryParse(f[2], out var uid)) uids.Add(uid);
            }
        }
        catch (IOException) { /* no passwd: root and this user only */ }
        return uids;
    }

    /// <summary>The daemon with its owner, and why it is not trusted (null when it is).</summary>
    public static OvsDaemon Judge(OvsDaemon daemon, uint? processUid, IReadOnlySet<uint> trusted, Func<string, uint?>? socketOwner = null)
    {
        socketOwner ??= SocketOwner;
        if (processUid is not { } uid) return daemon with { Distrust = "its owner could not be read" };
        daemon = daemon with { OwnerUid = uid };
        if (!trusted.Contains(uid)) return daemon with { Distrust = $"it runs as uid {uid}, not as root or the service's user" };
        foreach (var socket in daemon.ListenSockets)
            if (socketOwner(socket) is { } owner && !trusted.Contains(owner))
                return daemon with { Distrust = $"its socket {socket} belongs to uid {owner}" };
        return daemon;
    }

    private static uint? SocketOwner(string path)
    {
        try { return FileFacts.OfPath(path)?.OwnerUid; }
        catch (IOException) { return null; }
    }
}
