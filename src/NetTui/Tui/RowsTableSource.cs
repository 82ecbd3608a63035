using NetTui.Presentation;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// Terminal.Gui's window onto a view's rows: it asks for cells by (row, column) and only
/// for the rows on screen, and each cell is formatted from the snapshot right then.
/// </summary>
internal sealed class RowsTableSource(ViewRows rows) : ITableSource
{
    private readonly string[] _headers = rows.Headers();

    public ViewRows View => rows;
    public string[] ColumnNames => _headers;
    public int Columns => _headers.Length;
    public int Rows => rows.Count;
    public object this[int row, int col] => rows.Cell(row, col);
}
