namespace NetTui.Presentation;

/// <summary>
/// One column of a view: a header and how to turn an element into the cell's text.
/// <see cref="SortKey"/> gives a typed key (numbers sort as numbers); without it the
/// column sorts by its text, case-insensitively.
/// </summary>
public sealed record Column<T>(string Name, Func<T, string> Text, Func<T, IComparable?>? SortKey = null)
{
    /// <summary>What this column sorts by for one element: its typed key, else its text.</summary>
    public IComparable? KeyOf(T item) => SortKey is null ? Text(item) : SortKey(item);
}

/// <summary>Orders sort keys: text case-insensitively, numbers as numbers, empty values last.</summary>
public sealed class SortKeyComparer : IComparer<IComparable?>
{
    public static readonly SortKeyComparer Instance = new();

    public int Compare(IComparable? a, IComparable? b)
    {
        if (a is null) return b is null ? 0 : 1;
        if (b is null) return -1;
        if (a is string sa && b is string sb) return string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        return a.CompareTo(b);
    }
}
