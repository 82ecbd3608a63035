using System.Text.RegularExpressions;
using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>
/// ifupdown's configuration as the context holds it: /etc/network/interfaces and the files it
/// sources (listed by the host layer in <see cref="BackendChoice.Files"/>), NetTui's own
/// interfaces.d/nettui-NAME files, and the edits planned on them so far. Paths are the host's
/// (/etc/...); <see cref="BackendChoice.Rooted"/> maps them to what is read and written.
/// </summary>
public sealed partial class IfupdownConfig
{
    public const string Interfaces = "/etc/network/interfaces";
    public const string Directory = "/etc/network/interfaces.d";
    /// <summary>The line NetTui offers when interfaces does not read interfaces.d (Debian's own default).</summary>
    public const string SourceLine = "source /etc/network/interfaces.d/*";

    private readonly BackendChoice _choice;
    private readonly OperationContext _ctx;
    private readonly Dictionary<string, string?> _planned = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public IfupdownConfig(BackendChoice choice, OperationContext ctx, IEnumerable<string> more)
    {
        (_choice, _ctx) = (choice, ctx);
        foreach (var rooted in choice.Files.Concat(more).Prepend(choice.Rooted(Interfaces)).Distinct(StringComparer.Ordinal))
            _order.Add(HostPathOf(rooted));
    }

    /// <summary>NetTui's own file for the object <paramref name="name"/>.</summary>
    public static string OwnFile(string name) => $"{Directory}/nettui-{name}";

    public static bool IsOwn(string hostPath) => hostPath.StartsWith(Directory + "/nettui-", StringComparison.Ordinal);

    /// <summary>The host path of a path read under the root.</summary>
    public string HostPathOf(string rooted) => _choice.Root.Length > 0 && rooted.StartsWith(_choice.Root.TrimEnd('/') + "/", StringComparison.Ordinal)
        ? rooted[_choice.Root.TrimEnd('/').Length..]
        : rooted;

    /// <summary>The file's text: as planned so far, else as read (null: it does not exist).</summary>
    public string? Text(string hostPath) => _planned.TryGetValue(hostPath, out var t) ? t : _ctx.FileText(_choice.Rooted(hostPath));

    public InterfacesFile? File(string hostPath) => Text(hostPath) is { } t ? InterfacesFile.Parse(_choice.Rooted(hostPath), t) : null;

    /// <summary>Every existing file, interfaces first.</summary>
    public IEnumerable<InterfacesFile> Files() => _order.Select(File).OfType<InterfacesFile>();

    public IEnumerable<string> Errors() => Files().Select(f => f.Error).OfType<string>();

    /// <summary>The stanza defining <paramref name="name"/> (the IPv4 one first), with its file.</summary>
    public (InterfacesFile File, Stanza Stanza)? StanzaFor(string name) =>
        Files().SelectMany(f => f.Stanzas.Where(s => s.Name == name).Select(s => (f, s)))
            .OrderBy(x => x.s.Family == "inet" ? 0 : 1).Cast<(InterfacesFile, Stanza)?>().FirstOrDefault();

    public bool BroughtUp(string name) => Files().Any(f => f.BroughtUp(name));

    /// <summary>Plans new text for a file (null: remove it).</summary>
    public void Set(string hostPath, string? text)
    {
        _planned[hostPath] = text;
        if (!_order.Contains(hostPath)) _order.Add(hostPath);
    }

    /// <summary>The planned files with what they were: (host path, rooted path, new text, previous text).</summary>
    public IEnumerable<(string Host, string Rooted, string? Text, string? Previous)> Planned() =>
        _planned.Select(p => (p.Key, _choice.Rooted(p.Key), p.Value, _ctx.FileText(_choice.Rooted(p.Key))))
            .Where(p => p.Item3 != p.Item4);

    /// <summary>Whether /etc/network/interfaces reads <paramref name="hostPath"/> (a source glob or a source-directory).</summary>
    public bool Sourced(string hostPath)
    {
        if (File(Interfaces) is not { } main) return false;
        var dir = Path.GetDirectoryName(hostPath)!;
        var name = Path.GetFileName(hostPath);
        return main.Sources.Any(s => s.Directory
            ? Absolute(s.Pattern).TrimEnd('/') == dir && RunPartsName().IsMatch(name)
            : Glob(Absolute(s.Pattern)).IsMatch(hostPath));
    }

    private static string Absolute(string path) => path.StartsWith('/') ? path : "/etc/network/" + path;

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]").Replace(@"\[", "[") + "$");

    /// <summary>The names run-parts (and so source-directory) accepts.</summary>
    [GeneratedRegex("^[a-zA-Z0-9_-]+$")] private static partial Regex RunPartsName();
}
