namespace NetTui.Presentation;

/// <summary>
/// Filter and sort over a row set, as an index array into it (never copies of rows).
/// <c>null</c> means "all rows, in order", which costs nothing even for 200,000 routes.
/// </summary>
public static class RowQuery
{
    public static int[]? Apply(IRowSet rows, ViewState state, FilterCache? cache = null)
    {
        int[]? index = null;
        if (!string.IsNullOrEmpty(state.Filter))
            index = cache?.Filter(rows, state.Filter) ?? Filter(rows, state.Filter);
        if (state.SortColumn is int col && col < rows.ColumnNames.Count && !rows.OrderIsMeaningful)
        {
            index ??= Enumerable.Range(0, rows.Count).ToArray();
            index = Sort(rows, index, col, state.SortDescending);
        }
        return index;
    }

    /// <summary>
    /// Sorts row numbers by one column. Each row's key is computed once (not once per
    /// comparison, which would format 200,000 routes millions of times); the keys live only
    /// for the duration of the sort.
    /// </summary>
    public static int[] Sort(IRowSet rows, int[] index, int column, bool descending)
    {
        var keys = new IComparable?[index.Length];
        for (int i = 0; i < index.Length; i++) keys[i] = rows.SortKey(index[i], column);
        var order = Enumerable.Range(0, index.Length).ToArray();
        var cmp = SortKeyComparer.Instance;
        int sign = descending ? -1 : 1;
        // Array.Sort is not stable; break ties by position so equal rows keep their order.
        Array.Sort(order, (a, b) =>
        {
            int c = cmp.Compare(keys[a], keys[b]);
            return c != 0 ? sign * c : a.CompareTo(b);
        });
        var sorted = new int[index.Length];
        for (int i = 0; i < order.Length; i++) sorted[i] = index[order[i]];
        return sorted;
    }

    /// <summary>Below this many rows a filter scans on the UI thread alone; above it, on every core.</summary>
    internal const int ParallelThreshold = 20_000;

    /// <summary>
    /// Rows where any cell contains <paramref name="text"/>, case-insensitively, in row order.
    /// A big view (200,000 routes) is scanned in one slice per core: a keystroke in the filter
    /// must redraw within 30 ms, and cells are formatted from immutable snapshot elements, so
    /// the slices share nothing.
    /// </summary>
    public static int[] Filter(IRowSet rows, string text, int[]? within = null)
    {
        int count = within?.Length ?? rows.Count;
        int slices = count >= ParallelThreshold ? Math.Max(1, Environment.ProcessorCount) : 1;
        if (slices == 1) return Scan(rows, text, within, 0, count).ToArray();
        var parts = new List<int>[slices];
        Parallel.For(0, slices, k => parts[k] = Scan(rows, text, within, (int)((long)count * k / slices), (int)((long)count * (k + 1) / slices)));
        var hits = new int[parts.Sum(p => p.Count)];
        int at = 0;
        foreach (var p in parts)
        {
            p.CopyTo(hits, at);
            at += p.Count;
        }
        return hits;
    }

    private static List<int> Scan(IRowSet rows, string text, int[]? within, int from, int to)
    {
        var hits = new List<int>();
        int columns = rows.ColumnNames.Count;
        for (int i = from; i < to; i++)
        {
            int r = within is null ? i : within[i];
            for (int c = 0; c < columns; c++)
                if (rows.Cell(r, c).Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add(r);
                    break;
                }
        }
        return hits;
    }

    /// <summary>The visible row showing the object with <paramref name="key"/>, or -1.</summary>
    public static int Find(IRowSet rows, int[]? index, string? key)
    {
        if (key is null) return -1;
        int count = index?.Length ?? rows.Count;
        for (int i = 0; i < count; i++)
            if (rows.Key(index is null ? i : index[i]) == key) return i;
        return -1;
    }
}
