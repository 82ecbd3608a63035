using System.Collections.Immutable;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>An option line of an iface stanza ("address 10.0.0.1/24"): its line index, key and the rest.</summary>
public sealed record StanzaOption(int Line, string Key, string Value);

/// <summary>"iface NAME FAMILY METHOD" and its option lines (indices into <see cref="InterfacesFile.Lines"/>).</summary>
public sealed record Stanza(string Name, string Family, string Method, int Header, ImmutableArray<StanzaOption> Options)
{
    /// <summary>The line after which a new option goes: the last option, else the header.</summary>
    public int Last => Options.IsEmpty ? Header : Options[^1].Line;
    public IEnumerable<StanzaOption> All(string key) => Options.Where(o => o.Key == key);
}

/// <summary>"auto a b", "allow-hotplug a": the names a line brings up at boot.</summary>
public sealed record AutoLine(int Line, string Keyword, ImmutableArray<string> Names);

/// <summary>"source PATTERN" or "source-directory DIR".</summary>
public sealed record SourceLine(int Line, bool Directory, string Pattern);

/// <summary>
/// An ifupdown interfaces(5) file read line by line, keeping every line's exact text (ending
/// included) so an edit changes only the lines it names and the rest stays byte for byte.
/// What NetTui does not understand is an <see cref="Error"/> naming the file and line, and
/// nothing is planned from such a file.
/// </summary>
public sealed class InterfacesFile
{
    private InterfacesFile(string path, ImmutableArray<string> lines) => (Path, Lines) = (path, lines);

    public string Path { get; }
    /// <summary>Every line with its own ending ("\n", "\r\n" or none for the last).</summary>
    public ImmutableArray<string> Lines { get; }
    public ImmutableArray<Stanza> Stanzas { get; private set; } = [];
    public ImmutableArray<AutoLine> Autos { get; private set; } = [];
    public ImmutableArray<SourceLine> Sources { get; private set; } = [];
    /// <summary>"PATH:LINE: what" when the file cannot be read by NetTui; null when it can.</summary>
    public string? Error { get; private set; }

    public string Text => string.Concat(Lines);

    /// <summary>The line's text without its ending.</summary>
    public string Content(int line) => Lines[line].TrimEnd('\n').TrimEnd('\r');

    public static InterfacesFile Parse(string path, string text)
    {
        var lines = SplitKeepingEndings(text);
        var file = new InterfacesFile(path, lines);
        file.Read();
        return file;
    }

    public static ImmutableArray<string> SplitKeepingEndings(string text)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') { lines.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) lines.Add(text[start..]);
        return lines.ToImmutable();
    }

    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "no-auto-down", "no-scripts", "rename" };

    private void Read()
    {
        var stanzas = ImmutableArray.CreateBuilder<Stanza>();
        var autos = ImmutableArray.CreateBuilder<AutoLine>();
        var sources = ImmutableArray.CreateBuilder<SourceLine>();
        Stanza? current = null;
        var inMapping = false;
        var options = ImmutableArray.CreateBuilder<StanzaOption>();
        void Close()
        {
            if (current is not null) stanzas.Add(current with { Options = options.ToImmutable() });
            current = null;
            inMapping = false;
            options.Clear();
        }
        for (var i = 0; i < Lines.Length; i++)
        {
            var text = Content(i).Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (text.EndsWith('\\')) { Fail(i, "a line continued with \\ (NetTui does not edit such files; join the lines)"); return; }
            var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var key = words[0];
            switch (key)
            {
                case "iface":
                    Close();
                    if (words.Length < 4) { Fail(i, "\"iface\" needs a name, an address family and a method (iface br0 inet static)"); return; }
                    current = new Stanza(words[1], words[2], words[3], i, []);
                    break;
                case "mapping":
                    Close();
                    inMapping = true;
                    break;
                case "auto":
                case var k when k.StartsWith("allow-", StringComparison.Ordinal):
                    Close();
                    autos.Add(new AutoLine(i, key, [.. words.Skip(1)]));
                    break;
                case "source":
                case "source-directory":
                    Close();
                    if (words.Length != 2) { Fail(i, $"\"{key}\" needs one path"); return; }
                    sources.Add(new SourceLine(i, key == "source-directory", words[1]));
                    break;
                case var k when TopLevel.Contains(k):
                    Close();
                    break;
                default:
                    if (current is not null) options.Add(new StanzaOption(i, key, text[key.Length..].Trim()));
                    else if (!inMapping) { Fail(i, $"\"{key}\" is outside any iface stanza"); return; }
                    break;
            }
        }
        Close();
        (Stanzas, Autos, Sources) = (stanzas.ToImmutable(), autos.ToImmutable(), sources.ToImmutable());
    }

    private void Fail(int line, string what) => Error = $"{Path}:{line + 1}: {what}";

    /// <summary>Whether a line brings <paramref name="name"/> up at boot (auto or allow-hotplug).</summary>
    public bool BroughtUp(string name) => Autos.Any(a => a.Keyword is "auto" or "allow-hotplug" && a.Names.Contains(name));
}
