using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation.Forms;
using NetTui.Presentation.History;
using NetTui.Tui.Controllers;
using NetTui.Tui.Forms;

namespace NetTui.Tui;

/// <summary>
/// What the composition root (TuiApp) and the headless tests give the window and read back:
/// each one is a controller's, passed through so that the controllers stay private.
/// </summary>
internal sealed partial class MainWindow
{
    /// <summary>Non-root: forms open to show what would run, but Apply refuses.</summary>
    public bool ReadOnlyMode { get; set; }

    /// <summary>Why the session is read-only, in the header (default: changes need root).</summary>
    public string ReadOnlyReason { get => _header.ReadOnlyReason; set => _header.ReadOnlyReason = value; }

    /// <summary>--read-only: no form opens (a key that would open one says so in the header).</summary>
    public bool FormsHidden { get; set; }

    /// <summary>How work done off the UI thread comes back to it (the app's Invoke; tests pump their own queue).</summary>
    internal Action<Action>? Dispatch { get; set; }

    /// <summary>Why changes are refused (the history journal cannot be used), shown in the header; null: nothing is wrong.</summary>
    internal Func<string?>? JournalProblem { get; set; }

    public IDoctorBackend? Doctor { get => _navigation.Doctor; set => _navigation.Doctor = value; }
    internal bool OverlayVisible => _overlay.Visible;
    internal bool DoctorVisible => _doctor.Visible;
    internal DoctorPanel DoctorPanel => _doctor;
    internal TunnelWizardOverlay Wizard => _wizard;
    internal TraceOverlay TraceOverlay => _trace;
    /// <summary>Runs one trace for `T` (the app gives the real gatherer and planner).</summary>
    internal Func<Core.Model.HostSnapshot, Core.Trace.TraceSource, System.Net.IPAddress, CancellationToken, Task<Core.Trace.TraceResult>>? TraceRun { get => _traceKeys.Run; set => _traceKeys.Run = value; }
    internal bool Filtering => _filter.Visible;
    public bool Jump() => _navigation.Jump();

    internal Func<Presentation.Forms.FormApply, Task<ChangeReport>>? ApplyChanges { get => _forms.Apply; set => _forms.Apply = value; }
    /// <summary>Forms offer the confirm timer and probes rows (the app's change path takes them).</summary>
    internal bool OfferConfirmTimer { get => _forms.OfferTimer; set => _forms.OfferTimer = value; }
    internal Func<string, string?>? ReadFile { get => _forms.ReadFile; set => _forms.ReadFile = value; }
    internal Presentation.PersistenceMode? Persistence { get => _forms.Persistence; set => _forms.Persistence = value; }
    internal Func<Task<string>>? RestartDocker { get => _forms.RestartDocker; set => _forms.RestartDocker = value; }
    internal FormDialog? Form => _forms.Form;
    internal bool FormOpen => _forms.Open;
    internal bool OpenForm(FormVerb verb) => _forms.OpenForm(verb);

    internal IConfirmBackend? Confirm { get => _confirm.Backend; set => _confirm.Backend = value; }
    internal TimeProvider Clock { get => _confirm.Clock; set => _confirm.Clock = value; }
    internal IReadOnlyList<AwaitingChange> Awaiting => _confirm.Awaiting;
    internal bool AwaitingConfirmation => _confirm.Awaiting.Count > 0;
    internal void TickConfirm() => _confirm.Tick();

    public IHistoryBackend? History { get => _history.Backend; set => _history.Backend = value; }
    internal HistoryOverlay HistoryOverlay => _history.Overlay;

    /// <summary>Reads the journal at start; a change-set left pending by a crashed run opens the recovery question.</summary>
    public void StartHistory() => _history.Reload();
    public void ReloadHistory() => _history.Reload();
}
