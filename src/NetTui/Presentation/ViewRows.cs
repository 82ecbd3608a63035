namespace NetTui.Presentation;

/// <summary>
/// One view's rows after filter and sort: visible row i is element Map(i) of the row set.
/// This is what the table source reads from and what selection is resolved against.
/// </summary>
public sealed class ViewRows
{
    private readonly int[]? _index;

    public IRowSet Set { get; }
    public ViewState State { get; }

    public ViewRows(IRowSet set, ViewState state, FilterCache? cache = null)
    {
        Set = set;
        State = state;
        _index = RowQuery.Apply(set, state, cache);
    }

    public int Count => _index?.Length ?? Set.Count;
    public int Map(int visibleRow) => _index is null ? visibleRow : _index[visibleRow];
    public string Cell(int visibleRow, int column) => Set.Cell(Map(visibleRow), column);
    public string Key(int visibleRow) => Set.Key(Map(visibleRow));
    public DetailModel Detail(int visibleRow) => Set.Detail(Map(visibleRow));
    public object Subject(int visibleRow) => Set.Subject(Map(visibleRow));
    public RowTone Tone(int visibleRow) => Set.Tone(Map(visibleRow));
    public int Find(string? key) => RowQuery.Find(Set, _index, key);

    /// <summary>Column headers, the sorted one marked with its direction.</summary>
    public string[] Headers()
    {
        var names = Set.ColumnNames.ToArray();
        if (State.SortColumn is int c && c < names.Length && !Set.OrderIsMeaningful)
            names[c] += State.SortDescending ? " ▼" : " ▲";
        return names;
    }
}
