namespace NetTui.Presentation;

/// <summary>
/// What the admin chose in one view, kept across refreshes: the filter text, the sort
/// column and direction, and which object is selected (by key, not row number, so it is
/// found again in a new snapshot) and the screen line it was on (the scroll position).
/// </summary>
public sealed class ViewState
{
    public string Filter { get; set; } = "";
    public int? SortColumn { get; set; }
    public bool SortDescending { get; set; }
    public string? SelectedKey { get; set; }
    public int SelectedScreenLine { get; set; }

    /// <summary>Sort by the next column (none -> 0 -> 1 -> ... -> none), ascending.</summary>
    public void CycleSortColumn(int columnCount)
    {
        SortColumn = SortColumn is int c && c + 1 < columnCount ? c + 1 : SortColumn is null ? 0 : null;
        SortDescending = false;
    }

    public void ToggleSortDirection()
    {
        if (SortColumn is null) SortColumn = 0;
        else SortDescending = !SortDescending;
    }
}
