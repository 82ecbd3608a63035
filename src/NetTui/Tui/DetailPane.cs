using NetTui.Presentation;
using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>
/// The detail of the selected object. When the pane is tall enough (wide terminals put it
/// beside the table) it lists one attribute per line; otherwise the compact form: jump
/// target and read command first, attributes packed into flowing text.
/// </summary>
internal sealed class DetailPane : View
{
    public DetailModel Model { get; private set; } = DetailModel.None;

    public DetailPane()
    {
        Title = "Detail";
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Single;
        CanFocus = false;
        HotKeySpecifier = Plain.NoHotKey;
        FrameChanged += (_, _) => Render();
    }

    public void Show(DetailModel model)
    {
        Model = model;
        Render();
    }

    private void Render()
    {
        Title = Model.Title;
        var full = Model.Lines().ToList();
        var room = Frame.Height - 2;
        Text = string.Join("\n", full.Count <= room ? full : Model.CompactLines());
        SetNeedsDraw();
    }
}
