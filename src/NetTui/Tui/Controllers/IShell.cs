using NetTui.Core.Model;
using NetTui.Presentation;
using Terminal.Gui.ViewBase;

namespace NetTui.Tui.Controllers;

/// <summary>
/// What a view controller may ask of the main window (the shell): the snapshot and the panes,
/// the header's message line, a refresh that names what it needs, focus, and a place for its
/// overlays. Controllers hold their own state and keys; the shell only lays out and routes.
/// </summary>
internal interface IShell
{
    HostSnapshot Snapshot { get; }
    ViewKind CurrentView { get; }
    TablePane CurrentPane { get; }
    TablePane Pane(ViewKind kind);
    bool ReadOnlyMode { get; }
    bool FormsHidden { get; }
    Theme Theme { get; }

    /// <summary>How work done off the UI thread comes back to it (<see cref="UiWork"/>).</summary>
    Action<Action>? Post { get; }

    /// <summary>The header's message (what the last action did); null: the default line.</summary>
    string? Message { get; set; }

    void Refresh(RefreshRequest request);
    void UpdateHeader();
    void ShowDetail();
    void FocusTable();
    void ShowView(ViewKind kind);
    void ApplySnapshot(HostSnapshot snapshot);
    void Attach(View overlay);
    void RequestStop();
    void ApplyTheme(Theme theme);
    void ShowTraffic(Presentation.TrafficView? traffic);
}

/// <summary>One controller's part of the keymap: it runs the actions it owns and says false to the others.</summary>
internal interface IController
{
    bool Do(KeyBindingEntry entry);
}
