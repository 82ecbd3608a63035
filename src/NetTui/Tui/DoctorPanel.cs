using NetTui.Core.Doctor;
using NetTui.Presentation.Doctor;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>
/// The Doctor view: a bordered panel over the main window listing the findings, the
/// selected one's evidence, explanation and fix, and a walk through one fix (values,
/// confirmation, run, re-check). Keys come from the main window while it is open; all
/// state changes go through <see cref="DoctorPanelState"/>, the text through its presenter.
/// </summary>
internal sealed class DoctorPanel : View
{
    private DoctorPanelState _state = DoctorPanelState.Loading;
    private IDoctorBackend? _backend;

    public DoctorPanel()
    {
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Double;
        X = Pos.Center();
        Y = 1;
        Width = Dim.Percent(96);
        Height = Dim.Fill(1);
        Visible = false;
        CanFocus = true;
        HotKeySpecifier = Plain.NoHotKey;
        Title = "Doctor";
    }

    public DoctorPanelState State => _state;

    public void Open(IDoctorBackend backend)
    {
        _backend = backend;
        Visible = true;
        SetFocus();
        Diagnose();
    }

    public void Close() => Visible = false;

    /// <summary>Handles every key while open; returns false only when the panel closed itself.</summary>
    public bool HandleKey(Key key)
    {
        switch (_state.Mode)
        {
            case DoctorMode.Running:
                return true; // wait for the work to finish
            case DoctorMode.Result:
                Show(_state.BackToList());
                return true;
            case DoctorMode.Input:
                if (key == Key.Esc) Show(_state.Cancel());
                else if (key == Key.Enter) Show(_state.SubmitInput());
                else if (key == Key.Backspace) Show(_state.Backspace());
                else if (key.AsRune is var r && r != default && !key.IsCtrl && !key.IsAlt && r.Value < 0x10000 && !char.IsControl((char)r.Value))
                    Show(_state.Typed((char)r.Value));
                return true;
            case DoctorMode.Confirm:
                if (key == Key.Y || key == Key.Y.WithShift) Apply();
                else Show(_state.Cancel());
                return true;
        }
        if (key == Key.Esc || key == Key.Q) { Close(); return false; }
        if (key == Key.CursorDown) Show(_state.Move(1));
        else if (key == Key.CursorUp) Show(_state.Move(-1));
        else if (key == Key.F) Show(_state.BeginFix());
        else if (key == Key.R) Diagnose();
        return true;
    }

    private void Diagnose()
    {
        if (_backend is null) return;
        Show(DoctorPanelState.Loading);
        Await(_backend.DiagnoseAsync(), found => Show(DoctorPanelState.Of(found)), e => Show(DoctorPanelState.Of([]) with { Message = "diagnosis failed: " + e.Message }));
    }

    private void Apply()
    {
        if (_backend is null || _state.Current is not { } finding) return;
        var inputs = _state.Values;
        Show(_state.Running());
        Await(_backend.FixAsync(finding, inputs), r => Show(_state.Finished(r.Lines, r.After)),
            e => Show(_state.Finished(["The fix could not run: " + e.Message], _state.Findings)));
    }

    /// <summary>Continues on the UI thread (<see cref="UiWork"/>).</summary>
    private void Await<T>(Task<T> task, Action<T> done, Action<Exception> failed) => UiWork.Then(task, UiWork.PostOf(App), done, failed);

    private void Show(DoctorPanelState state)
    {
        _state = state;
        var lines = _backend is null ? [] : DoctorPanelPresenter.Lines(state, _backend.Explanation, _backend.Target);
        Title = state.Mode switch
        {
            DoctorMode.Input or DoctorMode.Confirm => "Doctor: fix",
            DoctorMode.Result => "Doctor: result",
            _ => "Doctor (Esc closes)",
        };
        Text = string.Join("\n", lines);
        SetNeedsDraw();
    }
}
