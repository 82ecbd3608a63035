using NetTui.Presentation;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// One tab: a TableView over one view's rows, plus that view's state (filter, sort,
/// selection by key). It re-finds the selected object after every refresh, filter or sort,
/// keeping it on the same screen line when it can.
/// </summary>
internal sealed class TablePane : View
{
    private IRowSet? _set;
    private bool _applying;
    private readonly FilterCache _filterCache = new();

    public ViewKind Kind { get; }
    public Theme Theme { get; set; } = Theme.Dark;
    public ViewState State { get; } = new();
    public TableView Table { get; }
    public ViewRows? Rows { get; private set; }

    /// <summary>Raised when the selected object changes (by key or by content after a refresh).</summary>
    public event Action<TablePane>? SelectionChanged;

    public TablePane(ViewKind kind)
    {
        Kind = kind;
        Title = kind.Title();
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        HotKeySpecifier = Plain.NoHotKey;
        Table = new KeyTable
        {
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            FullRowSelect = true,
            MultiSelect = false,
            MaxCellWidth = 64,
            // Type-to-search would swallow the single-letter keys of the keymap.
            CollectionNavigator = null,
            Style = new TableStyle
            {
                ShowHorizontalHeaderOverline = false,
                ShowVerticalCellLines = false,
                ShowVerticalHeaderLines = false,
                ShowHorizontalHeaderUnderline = true,
                ExpandLastColumn = true,
                AlwaysShowHeaders = true,
            },
        };
        // Enter belongs to the keymap (jump), not to the table's Accept.
        Table.KeyBindings.Remove(Key.Enter);
        Table.KeyBindings.Remove(Key.Space);
        Table.ValueChanged += (_, _) =>
        {
            if (_applying) return;
            RememberSelection();
            SelectionChanged?.Invoke(this);
        };
        // Column widths come from the rows on screen; the first ones are computed before the
        // table has a size, so recompute once it gets one (and on every resize).
        Table.FrameChanged += (_, _) => Table.Update();
        Table.Style.RowColorGetter = args => Rows is { } r && args.RowIndex < r.Count ? Theme.ForTone(r.Tone(args.RowIndex)) : null;
        Add(Table);
    }

    public int SelectedRow => Table.Value?.SelectedCell.Y ?? -1;

    /// <summary>The object of the selected row (typed: what forms and keys act on); null when nothing is selected.</summary>
    public object? Selected =>
        Rows is { } rows && SelectedRow is var r && r >= 0 && r < rows.Count ? rows.Subject(r) : null;

    public DetailModel SelectedDetail =>
        Rows is { } rows && SelectedRow is var r && r >= 0 && r < rows.Count ? rows.Detail(r) : DetailModel.None;

    /// <summary>Show rows from a new snapshot; the selected object and its screen line are kept.</summary>
    public void Show(IRowSet set)
    {
        RememberSelection();
        _set = set;
        Reapply(keepScreenLine: true);
    }

    /// <summary>
    /// Recompute rows after the filter or sort changed. A refresh keeps the selected row on
    /// its screen line (nothing jumps while the admin watches); a new filter or order shows
    /// rows from the top when the selection fits on the first page.
    /// </summary>
    public void Reapply(bool keepScreenLine = false)
    {
        if (_set is null) return;
        int screenLine = Math.Max(0, State.SelectedScreenLine);
        int previousRow = Math.Max(0, SelectedRow);
        Rows = new ViewRows(_set, State, _filterCache);
        _applying = true;
        try
        {
            Table.Table = new RowsTableSource(Rows);
            if (Rows.Count > 0)
            {
                int row = Rows.Find(State.SelectedKey);
                if (row < 0) row = Math.Min(previousRow, Rows.Count - 1);
                Table.RowOffset = keepScreenLine ? Math.Max(0, row - screenLine) : 0;
                Table.SetSelection(0, row, false);
                Table.EnsureCursorIsVisible();
            }
        }
        finally
        {
            _applying = false;
        }
        RememberSelection();
        SelectionChanged?.Invoke(this);
    }

    /// <summary>Select the last row (the Logs view following new lines, newest last).</summary>
    public void SelectLast()
    {
        if (Rows is not { Count: > 0 } rows) return;
        Table.SetSelection(0, rows.Count - 1, false);
        Table.EnsureCursorIsVisible();
        RememberSelection();
    }

    /// <summary>Select the object with <paramref name="key"/>, clearing the filter if it hides it.</summary>
    public bool Select(string key)
    {
        if (Rows is null) return false;
        int row = Rows.Find(key);
        if (row < 0 && State.Filter.Length > 0)
        {
            State.Filter = "";
            Reapply();
            row = Rows.Find(key);
        }
        if (row < 0) return false;
        Table.SetSelection(0, row, false);
        Table.EnsureCursorIsVisible();
        return true;
    }

    private void RememberSelection()
    {
        if (Rows is null || SelectedRow < 0 || SelectedRow >= Rows.Count) return;
        State.SelectedKey = Rows.Key(SelectedRow);
        State.SelectedScreenLine = SelectedRow - Table.RowOffset;
    }
}
