namespace NetTui.Presentation;

/// <summary>
/// One view's rows for one snapshot. Rows are formatted lazily, cell by cell, from the
/// snapshot's own elements: nothing is copied into strings ahead of time, so a view over
/// 200,000 routes costs only what is drawn or filtered.
/// </summary>
public interface IRowSet
{
    ViewKind View { get; }
    IReadOnlyList<string> ColumnNames { get; }
    int Count { get; }
    string Cell(int row, int column);

    /// <summary>A stable identity for the row's object (survives a refresh that rebuilds rows).</summary>
    string Key(int row);

    /// <summary>The object the row shows (a Link, a BridgeRow, a Route, ...): what a key acts on, typed, never re-parsed from <see cref="Key"/>.</summary>
    object Subject(int row);

    /// <summary>The value the row sorts by in <paramref name="column"/> (typed where it matters, e.g. numbers).</summary>
    IComparable? SortKey(int row, int column);
    DetailModel Detail(int row);

    /// <summary>Whether the row should stand out (an error, something down).</summary>
    RowTone Tone(int row);

    /// <summary>True when rows form a tree or groups whose order carries meaning (sorting is refused).</summary>
    bool OrderIsMeaningful { get; }
}

/// <summary>The generic row set: a list of elements and the columns that format them.</summary>
public sealed class RowSet<T>(
    ViewKind view,
    IReadOnlyList<T> items,
    IReadOnlyList<Column<T>> columns,
    Func<T, string> key,
    Func<T, DetailModel> detail,
    bool orderIsMeaningful = false,
    Func<T, RowTone>? tone = null) : IRowSet
{
    private readonly string[] _names = columns.Select(c => c.Name).ToArray();

    public ViewKind View => view;
    public IReadOnlyList<string> ColumnNames => _names;
    public int Count => items.Count;
    public bool OrderIsMeaningful => orderIsMeaningful;
    public string Cell(int row, int column) => columns[column].Text(items[row]);
    public string Key(int row) => key(items[row]);
    public object Subject(int row) => items[row]!;
    public IComparable? SortKey(int row, int column) => columns[column].KeyOf(items[row]);
    public DetailModel Detail(int row) => detail(items[row]);
    public RowTone Tone(int row) => tone?.Invoke(items[row]) ?? RowTone.Normal;
    public T Item(int row) => items[row];
}
