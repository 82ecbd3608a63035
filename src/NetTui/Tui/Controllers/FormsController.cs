using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.Presentation.Forms;
using NetTui.Tui.Controllers.Views;
using NetTui.Tui.Forms;
using Terminal.Gui.Input;

namespace NetTui.Tui.Controllers;

/// <summary>
/// The form dialog of every view: `n` new, `a` attach/add, `x` (Delete) delete, `e` edit,
/// `p` make persistent open the form that the current view's controller
/// (<see cref="ViewController"/>) gives for the selected row's object; after the Docker form,
/// the dockerd restart it asked for.
/// </summary>
internal sealed class FormsController(IShell shell) : IController
{
    private FormDialog? _form;

    /// <summary>The keymap rows of the forms.</summary>
    public static IEnumerable<KeyBindingEntry> Keys() =>
    [
        new([Key.N], TuiAction.NewObject, "New", "new: bridge/GRE tunnel/VXLAN, OVS bridge, route; Docker's default bridge (Containers)",
            AppliesTo: v => ViewController.Offers(v, FormVerb.New)),
        new([Key.A], TuiAction.AddToObject, "Add", "add: address, attach to bridge (Bridges), GRE port (Open vSwitch)",
            AppliesTo: v => ViewController.Offers(v, FormVerb.Add)),
        new([Key.X, Key.Delete], TuiAction.DeleteObject, "Delete", "delete the selection (asks first, lists what goes with it)",
            AppliesTo: v => ViewController.Offers(v, FormVerb.Delete)),
        new([Key.E], TuiAction.EditObject, "Edit", "edit the selected interface: up/down, MTU; Docker's bridge (Containers, Bridges)",
            AppliesTo: v => ViewController.Offers(v, FormVerb.Edit)),
    ];

    /// <summary>The keymap row of `p`.</summary>
    public static KeyBindingEntry PersistKey() =>
        new([Key.P], TuiAction.MakePersistent, "Persist", "make persistent: a NetworkManager profile for a runtime-only bridge or interface",
            AppliesTo: v => ViewController.Offers(v, FormVerb.Persist));

    /// <summary>How a form applies its operations, timer and probes (the one change path in the app; a fake in tests). Null = no change path.</summary>
    public Func<FormApply, Task<ChangeReport>>? Apply { get; set; }

    /// <summary>Whether forms offer the confirm timer and the probes rows (the app's change path takes both).</summary>
    public bool OfferTimer { get; set; }

    /// <summary>Reads a file a form's operation works on (daemon.json) so its checks and preview see the real text; null = none.</summary>
    public Func<string, string?>? ReadFile { get; set; }

    /// <summary>Whether forms persist through NetworkManager (TuiPersistence keeps it true); null = bare runtime operations, no persistence line.</summary>
    public PersistenceMode? Persistence { get; set; }

    /// <summary>Restarts dockerd and says how it went in one line; null = no systemd here.</summary>
    public Func<Task<string>>? RestartDocker { get; set; }

    public FormDialog? Form => _form;
    public bool Open => _form is { Visible: true };

    public bool Do(KeyBindingEntry entry)
    {
        FormVerb? verb = entry.Action switch
        {
            TuiAction.NewObject => FormVerb.New,
            TuiAction.AddToObject => FormVerb.Add,
            TuiAction.DeleteObject => FormVerb.Delete,
            TuiAction.EditObject => FormVerb.Edit,
            TuiAction.MakePersistent => FormVerb.Persist,
            _ => null,
        };
        if (verb is null) return false;
        OpenForm(verb.Value);
        return true;
    }

    /// <summary>While a form is open it takes the keys first; false lets its focused field have the key.</summary>
    public bool HandleKey(Key key) => _form!.HandleKey(key);

    /// <summary>Open the form <paramref name="verb"/> means in the current view; false (with a message) when there is none.</summary>
    public bool OpenForm(FormVerb verb)
    {
        if (shell.FormsHidden) { shell.Message = "read-only (--read-only): no forms in this session"; return false; }
        var (spec, why) = ViewController.Form(verb, shell.CurrentView, shell.CurrentPane.Selected, shell.Snapshot);
        if (spec is null) { shell.Message = why; return false; }
        if (_form is null)
        {
            _form = new FormDialog();
            _form.Closed += () => { shell.FocusTable(); shell.UpdateHeader(); };
            _form.Applied += Applied;
            shell.Attach(_form);
        }
        _form.ReadFile = ReadFile;
        _form.Persistence = Persistence;
        _form.Open(spec, shell.Snapshot, shell.ReadOnlyMode, Apply, shell.Theme, OfferTimer);
        return true;
    }

    /// <summary>
    /// The tunnel wizard's F6: this host's plan through the same change path as a form (all or
    /// nothing, journaled); the result comes to the header. Returns what the wizard says at once.
    /// </summary>
    public string ApplyPlan(Core.Plans.PlanFile plan)
    {
        if (shell.ReadOnlyMode) return "read-only: changes need root (F5 saves the plans)";
        if (Apply is not { } apply) return "no change path in this session: F5 saves, then nettui apply the plan";
        UiWork.Then(UiWork.Start(() => apply(new FormApply([.. plan.Operations]))), shell.Post, r =>
        {
            shell.Message = (r.Succeeded ? "tunnel wizard: " : "tunnel wizard: change failed: ") + r.Summary;
            if (r.After is { } after) shell.ApplySnapshot(after);
            shell.Refresh(RefreshRequest.AfterForm);
            shell.UpdateHeader();
        }, e => { shell.Message = "tunnel wizard: could not apply: " + e.Message; shell.UpdateHeader(); });
        return "applying this host's plan (all or nothing, journaled); the result shows in the header";
    }

    private void Applied(ChangeReport r)
    {
        shell.Message = (r.Succeeded ? "" : "change failed: ") + r.Summary;
        if (r.After is { } after) shell.ApplySnapshot(after);
        shell.Refresh(RefreshRequest.AfterForm);
        RestartDockerIfAsked(r);
    }

    /// <summary>
    /// The Docker form's "Restart dockerd: yes", like `nettui docker bridge --restart`: a separate
    /// action after the change; if it fails, the file change stays and the header says so.
    /// </summary>
    private void RestartDockerIfAsked(ChangeReport report)
    {
        if (!report.Succeeded || _form is null || _form.Values().GetValueOrDefault(FormCatalog.RestartField) != "yes") return;
        if (_form.Current?.Operations.OfType<SetDockerDefaultBridge>().Any() != true) return;
        if (RestartDocker is not { } restart) { Say("systemd is not running here: restart dockerd yourself for the new bridge to be used"); return; }
        Say("restarting dockerd (systemctl restart docker)…");
        UiWork.Then(UiWork.Start(restart), shell.Post, Say,
            e => Say($"daemon.json was changed and is kept, but restarting dockerd failed: {e.Message}"));
    }

    private void Say(string line)
    {
        shell.Message = line;
        shell.UpdateHeader();
    }
}
