using System.Collections.Immutable;

namespace NetTui.History.Facts;

/// <summary>One fact that is not what the journal expects. <see cref="Actual"/> null: the host no longer reports it.</summary>
public sealed record FactDifference(string Key, string Expected, string? Actual)
{
    public override string ToString() => $"{Key}: expected {Expected}, now {Actual ?? "(absent)"}";
}

/// <summary>
/// Has the host changed since NetTui left it? Undo compares the change-set's "after" facts with
/// facts read now; any difference means someone else touched the object, and the caller must
/// ask (or refuse) instead of reverting over their change.
/// </summary>
public static class FactDrift
{
    /// <summary>
    /// Every expected fact whose current value differs or is missing, in key order. Facts present
    /// only in <paramref name="current"/> are not drift: the journal does not own them.
    /// </summary>
    public static ImmutableArray<FactDifference> Compare(
        IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> current)
    {
        var diffs = ImmutableArray.CreateBuilder<FactDifference>();
        foreach (var key in expected.Keys.Order(StringComparer.Ordinal))
        {
            var want = expected[key];
            var have = current.TryGetValue(key, out var v) ? v : null;
            if (!string.Equals(want, have, StringComparison.Ordinal))
                diffs.Add(new FactDifference(key, want, have));
        }
        return diffs.ToImmutable();
    }
}
