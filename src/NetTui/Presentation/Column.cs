namespace NetTui.Presentation;

/// <summary>
/// One column of a view: a header and how to turn an element into the cell's text.
/// <see cref="SortKey"/> gives a typed key (numbers sort as numbers); without it the
/// column sorts by its text, case-insensitively.
/// </summary>
public sealed record Column<T>(string Name, Func<T, string> Text, Func<T, IComparable?>? SortKey = null)
{
    public int Compare(T a, T b)
    {
        if (SortKey is null)
            return string.Compare(Text(a), Text(b), StringComparison.OrdinalIgnoreCase);
        var ka = SortKey(a);
        var kb = SortKey(b);
        if (ka is null) return kb is null ? 0 : 1;   // empty values last
        if (kb is null) return -1;
        return ka.CompareTo(kb);
    }
}
