using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation.Forms;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui.Forms;

/// <summary>
/// A change form over the main window, rendered from a <see cref="FormSpec"/>: a text field
/// per field with its error (or hint) under it, updated as you type, the exact commands of
/// the plan (and what else goes with a destructive change), then Apply / Cancel and the
/// result. An overlay rather than a modal run loop, like the help screen, so it works the
/// same in headless tests. Keys: Tab/Shift+Tab or ↓/↑ move between fields, ↑/↓ cycle a
/// picker's choices, Enter applies, Esc cancels (or closes after applying). When the session
/// has a commit-confirmed path, a "Confirm within" row follows the fields (reached with Tab
/// like them): seconds there apply the change with a confirm timer, empty applies normally.
/// </summary>
internal sealed class FormDialog : View
{
    private readonly List<(FormField Field, TextField Box, Label Under)> _rows = [];
    private readonly View _body = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(3) };
    private readonly Label _general = new() { X = 1, Width = Dim.Fill(1) };
    private readonly View _preview = new() { X = 1, Width = Dim.Fill(1), Height = Dim.Fill() };
    private readonly Label _result = new() { X = 1, Y = Pos.AnchorEnd(3), Width = Dim.Fill(1), Height = 2 };
    private readonly Button _applyButton = new() { Text = "Apply", Y = Pos.AnchorEnd(1) };
    private readonly Button _cancelButton = new() { Text = "Cancel", Y = Pos.AnchorEnd(1) };
    private FormSpec? _spec;
    private HostSnapshot _host = HostSnapshot.Empty("", null);
    private Func<FormApply, Task<ChangeReport>>? _apply;
    // Commit-confirmed (docs/commit-confirmed.md): a "confirm within" row after the fields, and
    // the reachability probes (--probe) under it, shown when the session offers them.
    private bool _offerTimer;
    private ChangeOptionRows? _options;
    private bool _readOnly;
    private bool _applying;
    private bool _done;
    private Theme? _theme;

    public FormDialog()
    {
        Overlay.Frame(this);
        _body.CanFocus = true;
        foreach (var v in new View[] { _general, _preview, _result, _applyButton, _cancelButton }) Plain.Text(v);
        _applyButton.X = Pos.Center() - 10;
        _cancelButton.X = Pos.Center() + 2;
        _applyButton.Accepting += (_, e) => { Apply(); e.Handled = true; };
        _cancelButton.Accepting += (_, e) => { Close(); e.Handled = true; };
        Add(_body, _result, _applyButton, _cancelButton);
    }

    public FormSpec? Spec => _spec;
    public FormResult? Current { get; private set; }
    public ChangeReport? Report { get; private set; }
    public string ResultText => _result.Text ?? "";

    /// <summary>Reads a file an operation works on (daemon.json) for the checks and preview; null = none read.</summary>
    public Func<string, string?>? ReadFile { get; set; }

    /// <summary>How this session persists changes (docs/persistence.md); null = bare operations, no persistence line.</summary>
    public Presentation.PersistenceMode? Persistence { get; set; }

    /// <summary>A change was applied (or failed): the main window refreshes and shows the summary.</summary>
    public event Action<ChangeReport>? Applied;

    /// <summary>The form closed; whoever opened it restores focus.</summary>
    public event Action? Closed;

    public void Open(FormSpec spec, HostSnapshot host, bool readOnly, Func<FormApply, Task<ChangeReport>>? apply, Theme theme, bool offerTimer = false)
    {
        _offerTimer = offerTimer;
        _spec = spec;
        _theme = theme;
        _host = host;
        _readOnly = readOnly;
        _apply = apply;
        _applying = false;
        _done = false;
        Report = null;
        Title = spec.Title + (readOnly ? " (read-only: changes need root)" : "");
        foreach (var old in _body.SubViews.ToList()) { _body.Remove(old); old.Dispose(); }
        _rows.Clear();
        _options = null;
        var y = 0;
        foreach (var f in spec.Fields)
        {
            var label = Plain.Text(new Label { X = 1, Y = y, Width = 14, Text = f.Label });
            var box = Plain.Text(new TextField { X = 16, Y = y, Width = Dim.Fill(2), Text = f.Default });
            var under = Plain.Text(new Label { X = 16, Y = y + 1, Width = Dim.Fill(2) });
            box.TextChanged += (_, _) => Reevaluate();
            box.SetScheme(theme.Base);
            under.SetScheme(theme.Warn);
            _body.Add(label, box, under);
            _rows.Add((f, box, under));
            y += 2;
        }
        if (offerTimer) _options = ChangeOptionRows.Add(_body, y, theme, out y);
        _general.Y = y;
        _general.SetScheme(theme.Warn);
        var previewTitle = Plain.Text(new Label { X = 1, Y = y + 1, Text = "Commands that Apply runs:" });
        _preview.Y = y + 2;
        _body.Add(_general, previewTitle, _preview);
        _result.Text = readOnly ? "read-only: changes need root (run NetTui as root to apply)" : "";
        _applyButton.Text = spec.ApplyLabel;
        _applyButton.Visible = true;
        _cancelButton.Text = "Cancel";
        SetScheme(theme.Chrome);
        _result.SetScheme(theme.Warn);
        Visible = true;
        Reevaluate();
        SetFocus();
        if (_rows.Count > 0) _rows[0].Box.SetFocus();
        SetNeedsLayout();
    }

    /// <summary>The probes the form would apply with now (all when it has no Probes row).</summary>
    public Core.Reachability.ProbeKinds Probes => _options?.Probes.Probes ?? Core.Reachability.ProbeKinds.All;

    public void SetProbes(string text) => _options?.SetProbes(text);

    /// <summary>The confirm timer the form would apply with now (null: a normal apply, or no timer row).</summary>
    public TimeSpan? ConfirmWithin => _options?.Timer.Within;

    public void SetConfirmWithin(string text) => _options?.SetTimer(text);

    public void Close()
    {
        if (!Visible) return;
        Visible = false;
        Closed?.Invoke();
    }

    /// <summary>The text of every field now.</summary>
    public Dictionary<string, string> Values() => _rows.ToDictionary(r => r.Field.Name, r => r.Box.Text ?? "");

    public void SetValue(string field, string text)
    {
        foreach (var r in _rows) if (r.Field.Name == field) r.Box.Text = text;
    }

    private void Reevaluate()
    {
        if (_spec is null) return;
        var r = _spec.Evaluate(Values(), _host, readFile: ReadFile, persistence: Persistence);
        Current = r;
        foreach (var (field, _, under) in _rows)
            under.Text = r.ErrorFor(field.Name) is { } err ? $"✗ {field.Name}: {err}" : field.Hint;
        _general.Text = string.Join("; ", r.OtherErrors(_spec).Select(e => e.Field.Length == 0 ? e.Message : e.ToString()));
        var lines = new List<string>();
        if (r.Ok)
        {
            lines.AddRange(r.Preview);
            if (r.Consequences.Count > 0)
            {
                lines.Add("");
                lines.Add("This also goes with it:");
                lines.AddRange(r.Consequences.Select(c => "  - " + c));
            }
        }
        else lines.Add(r.Errors.Count > 0 ? "(fix the fields above to see the commands)" : "(nothing to do)");
        _preview.Text = string.Join("\n", lines);
        SetNeedsDraw();
    }

    /// <summary>Keys the form takes before its fields do; false lets the focused field have it.</summary>
    public bool HandleKey(Key key)
    {
        if (key == Key.Esc) { Close(); return true; }
        if (_done) { if (key == Key.Enter) Close(); return true; }
        if (key == Key.Enter) { Apply(); return true; }
        var boxes = Boxes();
        var at = boxes.FindIndex(b => b.HasFocus);
        if (key == Key.Tab) { MoveFocus(at, +1); return true; }
        if (key == Key.Tab.WithShift) { MoveFocus(at, -1); return true; }
        if (key == Key.CursorDown || key == Key.CursorUp)
        {
            var step = key == Key.CursorDown ? +1 : -1;
            if (at >= 0 && at < _rows.Count && _rows[at].Field.Kind != FieldKind.Text && _rows[at].Field.Choices.Count > 0)
            {
                var box = _rows[at].Box;
                box.Text = _rows[at].Field.Cycle(box.Text ?? "", step);
                box.MoveEnd();
                if (_rows[at].Field.Name == "kind") SwitchKind(box.Text ?? "");
            }
            else MoveFocus(at, step);
            return true;
        }
        return false;
    }

    /// <summary>The text boxes Tab and the arrows move between: the fields, then the confirm timer.</summary>
    private List<TextField> Boxes() => [.. _rows.Select(r => r.Box), .. _options?.Boxes ?? []];

    /// <summary>
    /// The Kind field changed (bridge ↔ tunnel): show that kind's form instead, keeping what
    /// the admin typed into fields both forms have, with the focus still on Kind.
    /// </summary>
    private void SwitchKind(string kind)
    {
        if (_spec?.KindSwitch?.Invoke(kind) is not { } next || next.Title == _spec.Title || _theme is null) return;
        var typed = _rows.Where(r => r.Field.Name != "kind" && (r.Box.Text ?? "") != r.Field.Default)
            .ToDictionary(r => r.Field.Name, r => r.Box.Text ?? "");
        Open(next, _host, _readOnly, _apply, _theme, _offerTimer);
        foreach (var (name, text) in typed) SetValue(name, text);
        _rows.Find(r => r.Field.Name == "kind").Box?.SetFocus();
    }

    private void MoveFocus(int at, int step)
    {
        var boxes = Boxes();
        if (boxes.Count == 0) return;
        var next = ((at < 0 ? 0 : at + step) % boxes.Count + boxes.Count) % boxes.Count;
        boxes[next].SetFocus();
    }

    /// <summary>Apply the form's operations through the injected change path; the result shows in the form.</summary>
    public void Apply()
    {
        if (_applying || _done || _spec is null) return;
        Reevaluate();
        var r = Current!;
        if (!r.Ok)
        {
            _result.Text = r.Errors.FirstOrDefault() is { } e ? $"not applied: {e}" : "not applied: nothing to do";
            return;
        }
        if (_readOnly) { _result.Text = "not applied: changes need root (NetTui is read-only)"; return; }
        var (within, timerError) = _options?.Timer ?? (null, null);
        if (timerError is not null) { _result.Text = $"not applied: confirm within: {timerError}"; return; }
        var (probes, probeError) = _options?.Probes ?? (Core.Reachability.ProbeKinds.All, null);
        if (probeError is not null) { _result.Text = $"not applied: probes: {probeError}"; return; }
        if (_apply is null || (within is not null && !_offerTimer)) { _result.Text = "not applied: no change path in this session"; return; }
        _applying = true;
        _result.Text = within is { } w ? $"applying (rolled back unless confirmed within {w.TotalSeconds:0} s)…" : "applying…";
        var apply = _apply;
        var task = UiWork.Start(() => apply(new FormApply(r.Operations, within, probes)));
        UiWork.When(task, UiWork.PostOf(App), Finish);
    }

    private void Finish(Task<ChangeReport> task)
    {
        _applying = false;
        _done = true;
        _applyButton.Visible = false;
        _cancelButton.Text = "Close";
        if (task.IsFaulted || task.IsCanceled)
        {
            var ex = task.Exception?.GetBaseException();
            _result.Text = $"error: {ex?.Message ?? "cancelled"}";
        }
        else
        {
            var rep = task.Result;
            Report = rep;
            var more = rep.Errors.Select(e => e.ToString()).Concat(rep.Differences).FirstOrDefault();
            _result.Text = (rep.Succeeded ? "✓ " : "✗ ") + rep.Summary + (more is null ? "" : $" ({more})")
                + (rep.Notes.Length > 0 ? "\n" + string.Join("; ", rep.Notes) : "");
            Applied?.Invoke(rep);
        }
        _cancelButton.SetFocus();
        SetNeedsDraw();
    }
}
