using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Persisting.Ifupdown;
using NetTui.Core.Persisting.Netplan;
using NetTui.Core.Persisting.Networkd;

namespace NetTui.Host.Persisting;

/// <summary>The backend chosen for a host, or why none is (Choice null).</summary>
public sealed record BackendDecision(BackendChoice? Choice, string? Unavailable, string Why);

/// <summary>
/// Decides which configuration system brings this host's network back at boot, by what is
/// really there: NetworkManager answering on the bus; else netplan's YAML in /etc/netplan
/// (it renders networkd or NetworkManager files, so it comes before them); else
/// systemd-networkd's files in /etc/systemd/network; else ifupdown's /etc/network/interfaces
/// (and what it sources) when it configures an interface other than lo.
/// Every path is under <c>root</c> ("" on a real host). Also lists the backend's files, which
/// Core reads from the operation context (it does no I/O itself).
/// </summary>
public static class PersistenceDetector
{
    public static BackendDecision Decide(string root, bool networkManagerAnswers, string? networkManagerReason, PersistenceBackendKind? forced = null)
    {
        var kind = forced ?? Detect(root, networkManagerAnswers);
        var why = forced is not null ? "--persist-with" : Why(kind);
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
            case PersistenceBackendKind.Networkd:
                return new(new BackendChoice(kind.Value, root) { Files = NetworkdFiles(root) }, null, why);
            default:
                return new(new BackendChoice(kind.Value, root) { Files = NetplanFiles(root) }, null, why);
        }
    }

    private static string Why(PersistenceBackendKind? kind) => kind switch
    {
        PersistenceBackendKind.NetworkManager => "NetworkManager is running",
        PersistenceBackendKind.Netplan => "YAML in /etc/netplan",
        PersistenceBackendKind.Networkd => "files in /etc/systemd/network",
        PersistenceBackendKind.Ifupdown => "/etc/network/interfaces",
        _ => "no configuration system found",
    };

    /// <summary>What configures the host at boot and, for ifupdown, what its files define (for the Boot column and `show --json`).</summary>
    public static BootConfiguration Boot(string root, bool networkManagerAnswers)
    {
        var kind = Detect(root, networkManagerAnswers);
        var prefix = root.TrimEnd('/');
        if (kind == PersistenceBackendKind.Networkd)
            return NetworkdBoot.Read([.. NetworkdFiles(root).Select(p => (p[prefix.Length..], Read(p) is { } t ? NetworkdFile.Parse(p, t) : null))
                .Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!))], Why(kind));
        if (kind == PersistenceBackendKind.Netplan)
            return NetplanBoot.Read([.. NetplanFiles(root).Select(p => (p[prefix.Length..], Read(p) is { } t ? YamlReader.Parse(p, t).Root : null))], Why(kind));
        if (kind != PersistenceBackendKind.Ifupdown)
            return new BootConfiguration(kind is { } k ? BackendChoice.Word(k) : "none", Why(kind), []);
        var files = new List<(string, InterfacesFile)>();
        foreach (var path in IfupdownFiles(root))
        {
            try { files.Add((path[prefix.Length..], InterfacesFile.Parse(path, File.ReadAllText(path)))); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return IfupdownBoot.Read(files, Why(kind));
    }

    private static PersistenceBackendKind? Detect(string root, bool networkManagerAnswers)
    {
        if (networkManagerAnswers) return PersistenceBackendKind.NetworkManager;
        if (Any(Rooted(root, NetplanConfig.Directory), "*.yaml")) return PersistenceBackendKind.Netplan;
        if (Any(Rooted(root, "/etc/systemd/network"), "*.network") || Any(Rooted(root, "/etc/systemd/network"), "*.netdev")) return PersistenceBackendKind.Networkd;
        // Debian's interfaces as installed defines only lo: then ifupdown configures nothing here
        // (--persist-with ifupdown still writes there); a stanza for any other interface means it does,
        // and so does a file NetTui cannot read (the change is then refused naming its line).
        if (IfupdownFiles(root).Any(ConfiguresAnInterface)) return PersistenceBackendKind.Ifupdown;
        return null;
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static bool ConfiguresAnInterface(string path)
    {
        try { return InterfacesFile.Parse(path, File.ReadAllText(path)) is var f && (f.Error is not null || f.Stanzas.Any(s => s.Name != "lo")); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static string Rooted(string root, string path) => new BackendChoice(PersistenceBackendKind.Ifupdown, root).Rooted(path);

    private static bool Any(string dir, string pattern) => Directory.Exists(dir) && Directory.EnumerateFiles(dir, pattern).Any();

    /// <summary>The YAML files of /etc/netplan, as rooted paths, in netplan's order.</summary>
    public static ImmutableArray<string> NetplanFiles(string root)
    {
        var dir = Rooted(root, NetplanConfig.Directory);
        return Directory.Exists(dir) ? [.. Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The .network and .netdev files of /etc/systemd/network, as rooted paths.</summary>
    public static ImmutableArray<string> NetworkdFiles(string root)
    {
        var dir = Rooted(root, NetworkdConfig.Directory);
        return Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".network", StringComparison.Ordinal) || f.EndsWith(".netdev", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];
    }

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
