namespace NetTui.Presentation;

/// <summary>
/// Makes filter-as-you-type cheap on big views: when the new text contains the previous
/// text (the admin typed one more character), only the previous matches can match, so only
/// they are scanned. Tied to one row set; a new snapshot starts over.
/// </summary>
public sealed class FilterCache
{
    private IRowSet? _rows;
    private string? _text;
    private int[]? _hits;

    public int[] Filter(IRowSet rows, string text)
    {
        int[]? within = null;
        if (ReferenceEquals(rows, _rows) && _text is not null && _hits is not null)
        {
            if (string.Equals(text, _text, StringComparison.OrdinalIgnoreCase)) return _hits;
            if (text.Contains(_text, StringComparison.OrdinalIgnoreCase)) within = _hits;
        }
        var hits = RowQuery.Filter(rows, text, within);
        _rows = rows;
        _text = text;
        _hits = hits;
        return hits;
    }
}
