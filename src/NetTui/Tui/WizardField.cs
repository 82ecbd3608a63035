using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// A wizard input line named by its field ("local-subnet"). It takes typing only: Enter,
/// Esc, Tab and function keys are the wizard's (TextField would otherwise "accept" the
/// whole window on Enter).
/// </summary>
internal sealed class WizardField : TextField
{
    public WizardField(string field) => Field = field;

    public string Field { get; }

    protected override bool OnKeyDown(Key key) =>
        key == Key.Enter || key == Key.Esc || key == Key.Tab || key == Key.Tab.WithShift ? false : base.OnKeyDown(key);
}
