using System.Text;
using NetTui.History.Storage;

namespace NetTui.History.Locking;

/// <summary>
/// What a change is applied to, as lock files independent of where the journal is: one for the
/// network namespace, one for the OVS database. Two NetTui processes with different --history
/// on one namespace (or one OVSDB) still change it one at a time; the journal's own lock
/// (<see cref="ApplyLock"/>) keeps its change-sets in order. flock, like the journal's lock:
/// the kernel drops it when its holder dies.
/// </summary>
public sealed record TargetLocks(string Directory, IReadOnlyList<TargetLocks.Target> Targets)
{
    /// <summary>Where the lock files live (tmpfs: they mean nothing after a reboot).</summary>
    public const string DefaultDirectory = "/run/nettui/locks";

    /// <summary>One locked target: what it is in words (for "another NetTui process is changing ...") and its file name.</summary>
    public sealed record Target(string What, string FileName);

    public static readonly TargetLocks None = new(DefaultDirectory, []);

    /// <summary>
    /// The locks of a change in <paramref name="netns"/> (null: the namespace this process runs in,
    /// keyed by its inode) through <paramref name="ovsDb"/> (ovs-vsctl's --db: "unix:PATH", "tcp:..."; null: the
    /// default socket). OVS is locked only where its database is there to be changed (the socket
    /// exists, or a remote database was named).
    /// </summary>
    public static TargetLocks For(string directory, string? netns, string? ovsDb, string defaultOvsSocket = "/var/run/openvswitch/db.sock")
    {
        var targets = new List<Target>();
        var ns = netns is null ? $"host-{CurrentNamespaceId()}" : $"netns-{netns}";
        targets.Add(new($"network namespace {netns ?? "of this process"}", FileName(ns)));
        var db = ovsDb ?? $"unix:{defaultOvsSocket}";
        var socket = db.StartsWith("unix:", StringComparison.Ordinal) ? db["unix:".Length..] : null;
        if (socket is null || File.Exists(socket))
            targets.Add(new($"the OVS database {db}", FileName($"ovsdb-{db}")));
        return new(directory, targets);
    }

    /// <summary>The lock file paths, in the one order every NetTui takes them (so two never wait on each other crosswise).</summary>
    public IEnumerable<(Target Target, string Path)> Files => Targets.OrderBy(t => t.FileName, StringComparer.Ordinal).Select(t => (t, System.IO.Path.Combine(Directory, t.FileName)));

    /// <summary>Makes the lock directory (0700); false when this process cannot (then only the journal's lock serializes).</summary>
    internal bool Prepare()
    {
        if (Targets.Count == 0) return false;
        try
        {
            SecureFiles.EnsureDirectory(Directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or global::NetTui.Files.UnsafeFileException)
        {
            return false;
        }
    }

    // "net:[4026531840]": the inode of this process's network namespace, stable while it exists.
    private static string CurrentNamespaceId()
    {
        try { return new FileInfo("/proc/self/ns/net").LinkTarget?.Trim('n', 'e', 't', ':', '[', ']') ?? "unknown"; }
        catch (IOException) { return "unknown"; }
    }

    // A file name from any text: letters, digits, '-', '.', '_' kept, everything else '_'; long ones shortened with a hash.
    private static string FileName(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var c in key) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_');
        var name = sb.ToString();
        if (name.Length > 120)
            name = name[..80] + "-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return name + ".lock";
    }
}
