using System.Text.RegularExpressions;
using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>
/// ifupdown's configuration as the context holds it: /etc/network/interfaces and the files it
/// sources (listed by the host layer in <see cref="BackendChoice.Files"/>), NetTui's own
/// interfaces.d/nettui-NAME files, and the edits planned on them so far (<see cref="PlannedFiles"/>).
/// </summary>
public sealed partial class IfupdownConfig : PlannedFiles
{
    public const string Interfaces = "/etc/network/interfaces";
    public const string Directory = "/etc/network/interfaces.d";
    /// <summary>The line NetTui offers when interfaces does not read interfaces.d (Debian's own default).</summary>
    public const string SourceLine = "source /etc/network/interfaces.d/*";

    public IfupdownConfig(BackendChoice choice, OperationContext ctx, IEnumerable<string> more) : base(choice, ctx)
    {
        foreach (var rooted in choice.Files.Concat(more).Prepend(choice.Rooted(Interfaces)).Distinct(StringComparer.Ordinal))
            Order.Add(HostPathOf(rooted));
    }

    /// <summary>NetTui's own file for the object <paramref name="name"/>.</summary>
    public static string OwnFile(string name) => $"{Directory}/nettui-{name}";

    public InterfacesFile? File(string hostPath) => Text(hostPath) is { } t ? InterfacesFile.Parse(Choice.Rooted(hostPath), t) : null;

    /// <summary>Every existing file, interfaces first.</summary>
    public IEnumerable<InterfacesFile> Files() => Order.Select(File).OfType<InterfacesFile>();

    public IEnumerable<string> Errors() => Files().Select(f => f.Error).OfType<string>();

    /// <summary>The stanza defining <paramref name="name"/> (the IPv4 one first), with its file.</summary>
    public (InterfacesFile File, Stanza Stanza)? StanzaFor(string name) =>
        Files().SelectMany(f => f.Stanzas.Where(s => s.Name == name).Select(s => (f, s)))
            .OrderBy(x => x.s.Family == "inet" ? 0 : 1).Cast<(InterfacesFile, Stanza)?>().FirstOrDefault();

    public bool BroughtUp(string name) => Files().Any(f => f.BroughtUp(name));

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
