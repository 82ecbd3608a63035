using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>What the History overlay is showing, and so what its keys mean.</summary>
internal enum HistoryOverlayMode
{
    /// <summary>Reading the plan or running: keys wait.</summary>
    Working,
    /// <summary>The plan of an undo/rollback/redo: y runs it, Esc cancels.</summary>
    Confirm,
    /// <summary>The host changed since: F reverts anyway (like --force), Esc leaves it.</summary>
    Drift,
    /// <summary>What happened: any key closes.</summary>
    Result,
    /// <summary>At start: a crashed run left a change half-done; r rolls it back, f finishes it (when offered), Esc leaves it.</summary>
    Crash,
}

/// <summary>
/// The History view's panel over the main window: the plan to confirm, the progress, the
/// result, drift, and the crash question at start-up. It only shows text; the window routes
/// its keys (MainWindow.History.cs) by <see cref="Mode"/>.
/// </summary>
internal sealed class HistoryOverlay : View
{
    public HistoryOverlay() => Overlay.Frame(this);

    public HistoryOverlayMode Mode { get; private set; } = HistoryOverlayMode.Result;

    public void Show(HistoryOverlayMode mode, string title, IEnumerable<string> lines, string? footer = null)
    {
        Mode = mode;
        Title = title;
        var text = lines.ToList();
        if (footer is not null) text.AddRange(["", footer]);
        Text = string.Join("\n", text);
        if (!Visible)
        {
            Visible = true;
            SetFocus();
        }
        SetNeedsDraw();
    }

    public void Close() => Visible = false;
}
