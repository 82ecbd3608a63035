using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace NetTui.History.Facts;

/// <summary>
/// What the host looked like, as a flat sorted map "object/field" → value
/// (e.g. "link/br0/mtu" → "1500"). Flat strings keep the journal independent of the
/// snapshot and operation types, make drift a simple key-by-key compare, and read well
/// in the sqlite3 shell. Compared by content.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(FactSetJsonConverter))]
public sealed class FactSet : IReadOnlyDictionary<string, string>, IEquatable<FactSet>
{
    public static readonly FactSet Empty = new(ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, string> _facts;

    private FactSet(ImmutableSortedDictionary<string, string> facts) => _facts = facts;

    public static FactSet Of(IEnumerable<KeyValuePair<string, string>> facts) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, facts));

    public static FactSet Of(params (string Key, string Value)[] facts) =>
        Of(facts.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public FactSet With(string key, string value) => new(_facts.SetItem(key, value));

    /// <summary>This set plus <paramref name="other"/>, whose values win on the same key.</summary>
    public FactSet Merge(FactSet other) => new(_facts.SetItems(other));

    public string ToJson() => JsonSerializer.Serialize(_facts, HistoryJsonContext.Default.ImmutableSortedDictionaryStringString);

    public static FactSet FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Empty;
        var map = JsonSerializer.Deserialize(json, HistoryJsonContext.Default.DictionaryStringString);
        return map is null ? Empty : Of(map);
    }

    public string this[string key] => _facts[key];
    public IEnumerable<string> Keys => _facts.Keys;
    public IEnumerable<string> Values => _facts.Values;
    public int Count => _facts.Count;
    public bool ContainsKey(string key) => _facts.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _facts.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _facts.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(FactSet? other) =>
        other is not null && _facts.Count == other._facts.Count &&
        _facts.All(kv => other._facts.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override bool Equals(object? obj) => Equals(obj as FactSet);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var kv in _facts) { h.Add(kv.Key); h.Add(kv.Value); }
        return h.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _facts.Select(kv => $"{kv.Key}={kv.Value}"));
}
