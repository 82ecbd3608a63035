using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

public class ScratchTests
{
    [Fact]
    public void Dump()
    {
        using var s = new Screen(LabSnapshots.Lab());
        var a = s.Text;
        s.Press(Key.CursorDown, Key.CursorDown);
        var b = s.Text;
        s.Press(Key.D2);
        var c = s.Text;
        s.Press(new Key('?'));
        var d = s.Text;
        File.WriteAllText("/tmp/scratch.txt", string.Join("\n=====\n", a, b, c, d));
    }
}
