using NetTui.Core.Model;
using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Which form a key opens for the selected row's object, or a one-line reason there is none.</summary>
internal delegate (FormSpec? Form, string? Why) FormFor(object? selected, HostSnapshot host);

/// <summary>
/// One view's controller (lazygit's controllers): the forms its keys open (`n` new, `a` add,
/// `x` delete, `e` edit, `p` make persistent), each next to what it acts on, the object of the
/// selected row as the view's presenter shows it. The keymap's form rows apply exactly where a
/// view controller offers their verb, so help, the status bar and the handlers cannot disagree.
/// The History view's controller is <see cref="HistoryController"/> (its keys revert).
/// </summary>
internal abstract class ViewController
{
    public abstract ViewKind View { get; }

    /// <summary>The forms of this view, by the verb of their key.</summary>
    public abstract IReadOnlyDictionary<FormVerb, FormFor> Forms { get; }

    public static readonly IReadOnlyList<ViewController> All =
    [
        new InterfacesController(), new BridgesController(), new OvsController(), new RoutesController(),
        new ContainersController(), new TopologyController(), new DriftController(),
    ];

    /// <summary>The form <paramref name="verb"/> opens in <paramref name="view"/> for <paramref name="selected"/>, or why there is none.</summary>
    public static (FormSpec? Form, string? Why) Form(FormVerb verb, ViewKind view, object? selected, HostSnapshot host) =>
        All.FirstOrDefault(c => c.View == view)?.Forms.GetValueOrDefault(verb) is { } form
            ? form(selected, host)
            : (null, $"no {verb.ToString().ToLowerInvariant()} form in {view.Title()}");

    /// <summary>Whether a key of <paramref name="verb"/> does something in <paramref name="view"/> (the keymap's AppliesTo).</summary>
    public static bool Offers(ViewKind view, FormVerb verb) => All.Any(c => c.View == view && c.Forms.ContainsKey(verb));

    /// <summary>`p`, the same in every view that offers it: the row's interface, if nothing rebuilds it at boot.</summary>
    protected static (FormSpec? Form, string? Why) Persist(ViewKind view, object? selected, HostSnapshot host) => PersistForms.For(view, selected, host);
}
