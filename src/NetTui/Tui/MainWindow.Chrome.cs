using NetTui.Core.Model;
using NetTui.Presentation;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>The shell's chrome: sizes that follow the terminal, the theme, the header line, and the status bar generated from the keymap.</summary>
internal sealed partial class MainWindow
{
    /// <summary>
    /// Sizes follow the terminal: the detail pane sits under the table and grows on tall
    /// screens, or beside it on wide ones; the table takes the rest; the filter line above the status bar.
    /// </summary>
    private void ArrangeViews()
    {
        _tabs.Width = Dim.Func(_ => TabsWidth());
        _tabs.Height = Dim.Func(_ => TabsHeight());
        _detail.X = Pos.Func(_ => SideBySide ? TabsWidth() : 0);
        _detail.Y = Pos.Func(_ => SideBySide ? 2 : 2 + TabsHeight());
        _detail.Width = Dim.Func(_ => Viewport.Width - (SideBySide ? TabsWidth() : 0));
        _detail.Height = Dim.Func(_ => SideBySide ? TabsHeight() : DetailHeight());
        _filterLabel.Y = Pos.Func(_ => Viewport.Height - 2);
        _filter.X = Pos.Right(_filterLabel) + 1;
        _filter.Y = Pos.Func(_ => Viewport.Height - 2);
        _filter.TextChanged += (_, _) => OnFilterTyped();
        _filter.Done += EndFilterEditing;
        _filter.Cancelled += ClearFilter;
    }

    private bool FilterRowShown => _filter.Visible || CurrentPane.State.Filter.Length > 0;
    private bool SideBySide => Viewport.Width >= 150;
    private int TabsWidth() => SideBySide ? Viewport.Width * 3 / 5 : Viewport.Width;
    private int DetailHeight() => Viewport.Height switch { >= 45 => 14, >= 32 => 10, _ => 7 };
    private int TabsHeight() =>
        Math.Max(5, Viewport.Height - 2 - (SideBySide ? 0 : DetailHeight()) - 1 - (FilterRowShown ? 1 : 0));

    public void ApplyTheme(Theme theme)
    {
        Theme = theme;
        SetScheme(theme.Base);
        _tabs.SetScheme(theme.Base);
        foreach (var p in _panes.Values) { p.Theme = theme; p.SetScheme(theme.Base); p.Table.SetScheme(theme.Base); }
        _detail.SetScheme(theme.Base);
        _header.ApplyTheme(theme);
        _statusBar.SetScheme(theme.Chrome);
        _filterLabel.SetScheme(theme.Warn);
        _filter.SetScheme(theme.Chrome);
        _overlay.SetScheme(theme.Chrome);
        _doctor.SetScheme(theme.Chrome);
        _wizard.SetScheme(theme.Chrome);
        _history.Overlay.SetScheme(theme.Chrome);
        SetNeedsDraw();
    }

    private void UpdateStatusBar()
    {
        var view = CurrentView;
        if (_statusBarFor == view) return;
        _statusBarFor = view;
        foreach (var old in _statusBar.SubViews.ToList())
        {
            _statusBar.Remove(old);
            old.Dispose();
        }
        foreach (var e in _keys.Entries.Where(e => e.InStatusBar && e.Applies(view)))
        {
            var entry = e;
            _statusBar.Add(new Shortcut(e.Keys[0], e.Short, () => { Do(entry); UpdateHeader(); }));
        }
    }

    public void UpdateHeader()
    {
        var pane = CurrentPane;
        // Before the first read completes there is nothing to date: say what is happening.
        var parts = new List<string> { _snapshot.TakenAt == DateTimeOffset.UnixEpoch ? "reading the host…" : $"{_snapshot.TakenAt.ToLocalTime():HH:mm:ss}" };
        if (_refreshing) parts.Add("refreshing…");
        if (JournalProblem?.Invoke() is { } journal) parts.Add("CHANGES REFUSED: " + journal);
        if (_confirm.CountdownText is { } countdown) parts.Add(countdown);
        if (Persistence is { } persistence) parts.Add(persistence.HeaderText);
        if (Message is not null) parts.Add(Message);
        else if (_navigation.Doctor is not null && _snapshot.Source(SourceKind.Ovs) is { Available: false }) parts.Add("OVS down: F2 Doctor");
        else if (pane.Rows is { } rows) parts.Add(rows.Count == rows.Set.Count ? $"{rows.Count} rows" : $"{rows.Count}/{rows.Set.Count} rows");
        _header.Show(_snapshot, string.Join("  ", parts));
    }
}
