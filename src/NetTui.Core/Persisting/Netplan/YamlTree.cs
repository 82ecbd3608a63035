namespace NetTui.Core.Persisting.Netplan;

/// <summary>
/// A node of the small YAML subset netplan files use (block and flow mappings and sequences of
/// scalars), with the 1-based line it starts on. Mutable: NetTui edits its own file as a tree
/// and writes it back whole (<see cref="YamlWriter"/>).
/// </summary>
public abstract class YamlNode
{
    public int Line { get; init; }
}

/// <summary>A scalar. <see cref="Plain"/>: written as is (numbers, booleans); otherwise quoted when YAML would read it as something else.</summary>
public sealed class YamlScalar(string value, bool plain = false) : YamlNode
{
    public string Value { get; } = value;
    public bool Plain { get; } = plain;
}

public sealed class YamlSequence : YamlNode
{
    public List<YamlNode> Items { get; } = [];

    /// <summary>The values of the scalar items (nested nodes are skipped).</summary>
    public IEnumerable<string> Scalars => Items.OfType<YamlScalar>().Select(s => s.Value);
}

/// <summary>One "key: value" of a mapping, with the line of its key.</summary>
public sealed class YamlEntry(string key, int line, YamlNode value)
{
    public string Key { get; } = key;
    public int Line { get; } = line;
    public YamlNode Value { get; set; } = value;
}

/// <summary>A mapping in its written order (netplan files are read by people: order is kept).</summary>
public sealed class YamlMapping : YamlNode
{
    public List<YamlEntry> Entries { get; } = [];

    public YamlEntry? Entry(string key) => Entries.FirstOrDefault(e => e.Key == key);
    public YamlNode? this[string key] => Entry(key)?.Value;
    public YamlMapping? Map(string key) => this[key] as YamlMapping;
    public YamlSequence? Seq(string key) => this[key] as YamlSequence;
    public string? Text(string key) => (this[key] as YamlScalar)?.Value;

    /// <summary>Sets (or appends) <paramref name="key"/>.</summary>
    public YamlMapping Set(string key, YamlNode value)
    {
        if (Entry(key) is { } e) e.Value = value;
        else Entries.Add(new YamlEntry(key, 0, value));
        return this;
    }

    public YamlMapping Set(string key, string value, bool plain = false) => Set(key, new YamlScalar(value, plain));

    public void Remove(string key) => Entries.RemoveAll(e => e.Key == key);

    /// <summary>The mapping under <paramref name="key"/>, made when missing.</summary>
    public YamlMapping MapOrNew(string key)
    {
        if (Map(key) is { } m) return m;
        var made = new YamlMapping();
        Set(key, made);
        return made;
    }

    public YamlSequence SeqOrNew(string key)
    {
        if (Seq(key) is { } s) return s;
        var made = new YamlSequence();
        Set(key, made);
        return made;
    }
}
