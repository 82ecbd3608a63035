using NetTui.Presentation;
using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>The detail of the selected object: attributes, read commands, jump targets.</summary>
internal sealed class DetailPane : View
{
    public DetailModel Model { get; private set; } = DetailModel.None;

    public DetailPane()
    {
        Title = "Detail";
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Single;
        Width = Dim.Fill();
        CanFocus = false;
        HotKeySpecifier = Plain.NoHotKey;
    }

    public void Show(DetailModel model)
    {
        Model = model;
        Title = model.Title;
        Text = string.Join("\n", model.CompactLines());
        SetNeedsDraw();
    }
}
