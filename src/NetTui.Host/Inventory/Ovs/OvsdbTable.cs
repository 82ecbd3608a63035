using System.Text.Json;

namespace NetTui.Host.Inventory.Ovs;

/// <summary>
/// One `ovs-vsctl --format=json list TABLE` answer: {"data":[[...],...],"headings":[...]}.
/// Rows are cloned out of the document so the table outlives its parse.
/// </summary>
public sealed class OvsdbTable
{
    private readonly Dictionary<string, int> _columns;

    private OvsdbTable(Dictionary<string, int> columns, List<JsonElement[]> rows)
    {
        _columns = columns;
        Rows = [.. rows.Select(r => new OvsdbRow(this, r))];
    }

    public IReadOnlyList<OvsdbRow> Rows { get; }

    public IReadOnlyCollection<string> Headings => _columns.Keys;

    public static OvsdbTable Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var h in root.GetProperty("headings").EnumerateArray())
            columns[h.GetString() ?? ""] = i++;
        var rows = new List<JsonElement[]>();
        foreach (var row in root.GetProperty("data").EnumerateArray())
            rows.Add([.. row.EnumerateArray().Select(c => c.Clone())]);
        return new OvsdbTable(columns, rows);
    }

    internal bool TryGetColumn(string name, out int index) => _columns.TryGetValue(name, out index);
}

/// <summary>One row; a column the table lacks (older schema) reads as an empty set.</summary>
public sealed class OvsdbRow
{
    private static readonly JsonElement EmptySet = JsonDocument.Parse("""["set",[]]""").RootElement.Clone();
    private readonly OvsdbTable _table;
    private readonly JsonElement[] _cells;

    internal OvsdbRow(OvsdbTable table, JsonElement[] cells)
    {
        _table = table;
        _cells = cells;
    }

    public JsonElement this[string column] =>
        _table.TryGetColumn(column, out var i) && i < _cells.Length ? _cells[i] : EmptySet;

    public string Uuid => Ovsdb.AsUuid(this["_uuid"]) ?? "";
    public string? String(string column) => Ovsdb.AsString(this[column]);
}
