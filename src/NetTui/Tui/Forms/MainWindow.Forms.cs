using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation.Forms;
using NetTui.Tui.Forms;
using Terminal.Gui.Input;

namespace NetTui.Tui;

/// <summary>
/// The main window's change forms: `n` new, `a` attach/add, `x` (Delete) delete, `e` edit,
/// each opening the form that belongs to the current view and selection.
/// </summary>
internal sealed partial class MainWindow
{
    private FormDialog? _form;

    /// <summary>How a form applies its operations (the ChangeExecutor in the app; a fake in tests). Null = no change path.</summary>
    /// <summary>Why changes are refused (the history journal cannot be used), shown in the header; null: nothing is wrong.</summary>
    internal Func<string?>? JournalProblem { get; set; }

    internal Func<IReadOnlyList<Operation>, Task<ChangeReport>>? ApplyChanges { get; set; }

    /// <summary>Reads a file a form's operation works on (daemon.json) so its checks and preview see the real text; null = none.</summary>
    internal Func<string, string?>? ReadFile { get; set; }

    /// <summary>
    /// Whether forms persist through NetworkManager (TuiPersistence probes it at start and on
    /// refresh); null = bare runtime operations with no persistence line (tests that do not care).
    /// </summary>
    internal Presentation.PersistenceMode? Persistence { get; set; }

    /// <summary>Non-root: forms open to show what would run, but Apply refuses.</summary>
    internal bool ReadOnlyMode { get; set; }

    internal FormDialog? Form => _form;
    internal bool FormOpen => _form is { Visible: true };

    /// <summary>Open the form <paramref name="verb"/> means in the current view; false (with a message) when there is none.</summary>
    internal bool OpenForm(FormVerb verb)
    {
        var (spec, why) = FormCatalog.For(verb, CurrentView, CurrentPane.Selected, _snapshot);
        if (spec is null) { _message = why; return false; }
        if (_form is null)
        {
            _form = new FormDialog();
            _form.Closed += () => { CurrentPane.Table.SetFocus(); UpdateHeader(); };
            _form.Applied += r =>
            {
                _message = (r.Succeeded ? "" : "change failed: ") + r.Summary;
                if (r.After is { } after) ApplySnapshot(after);
                RefreshRequested?.Invoke(RefreshRequest.AfterForm);
                AfterFormApplied(r);
            };
            Add(_form);
        }
        _form.ReadFile = ReadFile;
        _form.Persistence = Persistence;
        _form.Open(spec, _snapshot, ReadOnlyMode, ApplyChanges, Theme, ApplyChangesConfirmed);
        return true;
    }

    private static FormVerb? VerbOf(TuiAction a) => a switch
    {
        TuiAction.NewObject => FormVerb.New,
        TuiAction.AddToObject => FormVerb.Add,
        TuiAction.DeleteObject => FormVerb.Delete,
        TuiAction.EditObject => FormVerb.Edit,
        TuiAction.MakePersistent => FormVerb.Persist,
        _ => null,
    };

    /// <summary>Runs the form actions of the keymap; false for any other action.</summary>
    private bool DoForm(TuiAction action)
    {
        if (VerbOf(action) is not { } verb) return false;
        OpenForm(verb);
        return true;
    }

    /// <summary>While a form is open it takes the keys first; false lets its focused field have the key.</summary>
    private bool FormKey(Key key) => _form!.HandleKey(key);

    /// <summary>The keymap rows of the forms (spliced into <see cref="KeyMap.Default"/>).</summary>
    internal static IEnumerable<KeyBindingEntry> FormKeys() =>
    [
        new([Key.N], TuiAction.NewObject, "New", "new: bridge/GRE tunnel, OVS bridge, route; Docker's default bridge (Containers)",
            AppliesTo: v => v is Presentation.ViewKind.Interfaces or Presentation.ViewKind.Bridges or Presentation.ViewKind.OpenVSwitch or Presentation.ViewKind.Routes or Presentation.ViewKind.Containers),
        new([Key.A], TuiAction.AddToObject, "Add", "add: address, attach to bridge (Bridges), GRE port (Open vSwitch)",
            AppliesTo: v => v is Presentation.ViewKind.Interfaces or Presentation.ViewKind.Bridges or Presentation.ViewKind.OpenVSwitch),
        new([Key.X, Key.Delete], TuiAction.DeleteObject, "Delete", "delete the selection (asks first, lists what goes with it)",
            AppliesTo: v => v is Presentation.ViewKind.Interfaces or Presentation.ViewKind.Bridges or Presentation.ViewKind.OpenVSwitch or Presentation.ViewKind.Routes),
        new([Key.E], TuiAction.EditObject, "Edit", "edit the selected interface: up/down, MTU; Docker's bridge (Containers, Bridges)",
            AppliesTo: v => v is Presentation.ViewKind.Interfaces or Presentation.ViewKind.Bridges or Presentation.ViewKind.Containers),
    ];
}
