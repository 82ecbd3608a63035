using System.Collections.Immutable;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Persisting.Ifupdown;

namespace NetTui.Host.Persisting;

/// <summary>The backend chosen for a host, or why none is (Choice null).</summary>
public sealed record BackendDecision(BackendChoice? Choice, string? Unavailable, string Why);

/// <summary>
/// Decides which configuration system brings this host's network back at boot, by what is
/// really there: NetworkManager answering on the bus; else netplan's YAML in /etc/netplan
/// (it renders networkd or NetworkManager files, so it comes before them); else
/// systemd-networkd's files in /etc/systemd/network; else ifupdown's /etc/network/interfaces.
/// Every path is under <c>root</c> ("" on a real host). Also lists the backend's files, which
/// Core reads from the operation context (it does no I/O itself).
/// </summary>
public static class PersistenceDetector
{
    public static BackendDecision Decide(string root, bool networkManagerAnswers, string? networkManagerReason, PersistenceBackendKind? forced = null)
    {
        var kind = forced ?? Detect(root, networkManagerAnswers);
        var why = forced is not null ? "--persist-with" : kind switch
        {
            PersistenceBackendKind.NetworkManager => "NetworkManager is running",
            PersistenceBackendKind.Netplan => "YAML in /etc/netplan",
            PersistenceBackendKind.Networkd => "files in /etc/systemd/network",
            PersistenceBackendKind.Ifupdown => "/etc/network/interfaces",
            _ => "no configuration system found",
        };
        switch (kind)
        {
            case null:
                // Worded as before backends existed: NetworkManager's reason (no other system's files were found either).
                return new(null, networkManagerReason ?? "NetworkManager did not answer", why);
            case PersistenceBackendKind.NetworkManager:
                // Today's path, unchanged: no choice recorded with the operations.
                return networkManagerAnswers ? new(null, null, why) : new(null, networkManagerReason ?? "NetworkManager did not answer", why);
            case PersistenceBackendKind.Ifupdown:
                return new(new BackendChoice(kind.Value, root) { Files = IfupdownFiles(root) }, null, why);
            default:
                return new(null, $"this host is configured by {BackendChoice.Word(kind.Value)} ({why}); NetTui cannot write its files yet", why);
        }
    }

    private static PersistenceBackendKind? Detect(string root, bool networkManagerAnswers)
    {
        if (networkManagerAnswers) return PersistenceBackendKind.NetworkManager;
        if (Any(Rooted(root, "/etc/netplan"), "*.yaml")) return PersistenceBackendKind.Netplan;
        if (Any(Rooted(root, "/etc/systemd/network"), "*.network") || Any(Rooted(root, "/etc/systemd/network"), "*.netdev")) return PersistenceBackendKind.Networkd;
        if (File.Exists(Rooted(root, IfupdownConfig.Interfaces))) return PersistenceBackendKind.Ifupdown;
        return null;
    }

    private static string Rooted(string root, string path) => new BackendChoice(PersistenceBackendKind.Ifupdown, root).Rooted(path);

    private static bool Any(string dir, string pattern) => Directory.Exists(dir) && Directory.EnumerateFiles(dir, pattern).Any();

    /// <summary>/etc/network/interfaces and every file it sources (source globs, source-directory), recursively, as rooted paths.</summary>
    public static ImmutableArray<string> IfupdownFiles(string root)
    {
        var found = new List<string>();
        var queue = new Queue<string>([Rooted(root, IfupdownConfig.Interfaces)]);
        while (queue.Count > 0 && found.Count < 1000)
        {
            var path = queue.Dequeue();
            if (found.Contains(path) || !File.Exists(path)) continue;
            found.Add(path);
            string text;
            try { text = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var s in InterfacesFile.Parse(path, text).Sources)
                foreach (var f in Expand(root, s)) queue.Enqueue(f);
        }
        return [.. found];
    }

    private static IEnumerable<string> Expand(string root, SourceLine s)
    {
        var pattern = s.Pattern.StartsWith('/') ? s.Pattern : "/etc/network/" + s.Pattern;
        var dir = s.Directory ? pattern.TrimEnd('/') : Path.GetDirectoryName(pattern)!;
        var name = s.Directory ? "*" : Path.GetFileName(pattern);
        var rootedDir = Rooted(root, dir);
        if (!Directory.Exists(rootedDir)) return [];
        return Directory.EnumerateFiles(rootedDir, name).Order(StringComparer.Ordinal)
            .Where(f => !s.Directory || Path.GetFileName(f).All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'));
    }
}
