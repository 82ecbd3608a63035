namespace NetTui.Tui;

/// <summary>Everything a key can do in the main window; the keymap binds keys to these.</summary>
public enum TuiAction
{
    Help,
    Quit,
    Refresh,
    Filter,
    ClearFilter,
    SortNextColumn,
    SortReverse,
    Jump,
    FullDetail,
    Back,
    NextView,
    PreviousView,
    ShowView,
    CycleTheme,
    Sources,
    NewObject,
    AddToObject,
    DeleteObject,
    EditObject,
    Doctor,
    TunnelWizard,
    ConfirmChange,
    MakePersistent,
    UndoChange,
    RollbackToHere,
    RedoChange,
    ToggleTraffic,
    Trace,
}
