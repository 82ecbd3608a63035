using System.Collections.Immutable;
using NetTui.Core.Persisting.Ifupdown;

namespace NetTui.Core.Persisting.Networkd;

/// <summary>One "Key=Value" line of a networkd unit, with its line index.</summary>
public sealed record UnitEntry(int Line, string Key, string Value);

/// <summary>A "[Section]" of a networkd unit and its entries; <see cref="Last"/>: the line after which a new entry goes.</summary>
public sealed record UnitSection(string Name, int Header, ImmutableArray<UnitEntry> Entries)
{
    public int Last => Entries.IsEmpty ? Header : Entries[^1].Line;
    public IEnumerable<string> All(string key) => Entries.Where(e => e.Key == key).Select(e => e.Value);
}

/// <summary>
/// A systemd-networkd .network or .netdev file read line by line (every line's bytes kept for
/// <see cref="LineEdits"/>). What NetTui does not understand is an <see cref="Error"/> naming
/// the file and line.
/// </summary>
public sealed class NetworkdFile
{
    private NetworkdFile(string path, ImmutableArray<string> lines) => (Path, Lines) = (path, lines);

    public string Path { get; }
    public ImmutableArray<string> Lines { get; }
    public ImmutableArray<UnitSection> Sections { get; private set; } = [];
    public string? Error { get; private set; }

    public static NetworkdFile Parse(string path, string text)
    {
        var f = new NetworkdFile(path, InterfacesFile.SplitKeepingEndings(text));
        f.Read();
        return f;
    }

    private void Read()
    {
        var sections = ImmutableArray.CreateBuilder<UnitSection>();
        UnitSection? current = null;
        var entries = ImmutableArray.CreateBuilder<UnitEntry>();
        void Close()
        {
            if (current is not null) sections.Add(current with { Entries = entries.ToImmutable() });
            entries.Clear();
        }
        for (var i = 0; i < Lines.Length; i++)
        {
            var t = Lines[i].Trim();
            if (t.Length == 0 || t[0] is '#' or ';') continue;
            if (t.EndsWith('\\')) { Error = $"{Path}:{i + 1}: a line continued with \\ (NetTui does not edit such files; join the lines)"; return; }
            if (t[0] == '[')
            {
                if (!t.EndsWith(']')) { Error = $"{Path}:{i + 1}: a section header must end with ]"; return; }
                Close();
                current = new UnitSection(t[1..^1].Trim(), i, []);
                continue;
            }
            var eq = t.IndexOf('=');
            if (eq <= 0) { Error = $"{Path}:{i + 1}: not a Key=Value line"; return; }
            if (current is null) { Error = $"{Path}:{i + 1}: an entry before any [Section]"; return; }
            entries.Add(new UnitEntry(i, t[..eq].Trim(), t[(eq + 1)..].Trim()));
        }
        Close();
        Sections = sections.ToImmutable();
    }

    public IEnumerable<UnitSection> Named(string name) => Sections.Where(s => s.Name == name);

    /// <summary>The interface names of [Match] Name= (exact names only; a glob matches nothing here).</summary>
    public IEnumerable<string> MatchNames() => Named("Match").SelectMany(s => s.All("Name")).SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The [NetDev] Name= of a .netdev.</summary>
    public string? NetDevName => Named("NetDev").SelectMany(s => s.All("Name")).FirstOrDefault();
}
