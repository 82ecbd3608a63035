using NetTui.Core.Text;
using NetTui.Presentation;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// The capture form over the main window: count, seconds and an optional filter for the
/// selected interface; Enter runs the capture (through <see cref="Run"/>), Tab moves between
/// the fields, Esc closes. Bad input is one line under the fields and nothing runs; a finished
/// capture shows the pcap path and one line per packet.
/// </summary>
internal sealed class CaptureOverlay : View
{
    private readonly WizardField _count = new("count") { X = 22, Y = 1, Width = 10, Text = CaptureForm.DefaultCount };
    private readonly WizardField _seconds = new("seconds") { X = 22, Y = 2, Width = 10, Text = CaptureForm.DefaultSeconds };
    private readonly WizardField _filter = new("filter") { X = 22, Y = 3, Width = Dim.Fill(1) };
    private readonly Label _status = new() { X = 1, Y = 5, Width = Dim.Fill(1), Height = 1 };
    private readonly Label _packets = new() { X = 1, Y = 7, Width = Dim.Fill(1), Height = Dim.Fill(1) };
    private readonly Label _hints = new() { X = 1, Y = Pos.AnchorEnd(1), Width = Dim.Fill(1), Height = 1, Text = "Enter  capture   ·   Tab  next field   ·   Esc  close" };

    public CaptureOverlay()
    {
        Overlay.Frame(this);
        Add(new Label { X = 1, Y = 1, Text = "Packets (1-10000)" }, _count,
            new Label { X = 1, Y = 2, Text = "Seconds (1-300)" }, _seconds,
            new Label { X = 1, Y = 3, Text = "Filter (optional)" }, _filter,
            _status, _packets, _hints);
        foreach (var l in new View[] { _status, _packets, _hints }) Plain.Text(l);
    }

    /// <summary>The interface the form captures on.</summary>
    public string Interface { get; private set; } = "";

    public bool Running { get; private set; }

    /// <summary>Called with the fields' text when Enter is pressed; the controller parses and runs.</summary>
    public event Action<string, string, string>? Run;

    public event Action? Closed;

    public void Open(string iface)
    {
        Interface = iface;
        Title = $"Capture on {TerminalText.Escape(iface)}";
        _status.Text = "";
        _packets.Text = "";
        Running = false;
        Visible = true;
        _count.SetFocus();
        SetNeedsDraw();
    }

    public void Close()
    {
        Visible = false;
        Closed?.Invoke();
    }

    /// <summary>One line: what is wrong, what runs, or where the pcap is.</summary>
    public void Say(string line, bool running = false)
    {
        Running = running;
        _status.Text = TerminalText.Escape(line);
        SetNeedsDraw();
    }

    public void ShowPackets(IReadOnlyList<string> lines)
    {
        _packets.Text = TerminalText.EscapeKeepingLayout(string.Join("\n", lines));
        SetNeedsDraw();
    }

    public string Status => _status.Text;
    public string Packets => _packets.Text;

    /// <summary>Keys while open; false = typing for the focused field.</summary>
    public bool HandleKey(Key key)
    {
        if (key == Key.Esc) { Close(); return true; }
        if (Running) return true; // a capture is bounded; the form waits for it
        if (key == Key.Enter) { Run?.Invoke(_count.Text, _seconds.Text, _filter.Text); return true; }
        if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            WizardField[] order = [_count, _seconds, _filter];
            var at = Array.FindIndex(order, f => f.HasFocus);
            order[((at < 0 ? 0 : at) + (key == Key.Tab ? 1 : order.Length - 1)) % order.Length].SetFocus();
            return true;
        }
        return false;
    }

    /// <summary>Types into a field (tests).</summary>
    internal void SetField(string name, string text)
    {
        foreach (var f in new[] { _count, _seconds, _filter }) if (f.Field == name) f.Text = text;
    }
}
