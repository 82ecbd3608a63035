using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// `T` on a container: asks for the destination (TO), then shows the trace's hops
/// (<see cref="Presentation.TraceText"/>). An overlay like help, so it runs the same in headless
/// tests. Keys: Enter traces, Esc closes; once the result shows, any key closes.
/// </summary>
internal sealed class TraceOverlay : View
{
    private readonly Label _prompt = new() { X = 1, Y = 0, Width = Dim.Fill(1), Height = 1 };
    private readonly TextField _to = new() { X = 1, Y = 1, Width = 40 };
    private readonly Label _result = new() { X = 1, Y = 3, Width = Dim.Fill(1), Height = Dim.Fill() };
    private bool _showingResult;

    public TraceOverlay()
    {
        Overlay.Frame(this);
        Add(_prompt, _to, _result);
    }

    /// <summary>Raised with the destination typed when Enter is pressed.</summary>
    public event Action<string>? Submitted;

    public event Action? Closed;

    public string Container { get; private set; } = "";

    /// <summary>What the overlay shows now (the prompt's error or the trace), for tests.</summary>
    public string ResultText => _result.Text ?? "";

    public void Open(string container)
    {
        Container = container;
        Title = $"Trace from container {container} (Enter traces, Esc closes)";
        _prompt.Text = "Destination address (TO):";
        _to.Text = "";
        _result.Text = "";
        _showingResult = false;
        Visible = true;
        _to.SetFocus();
        SetNeedsDraw();
    }

    public void Show(IEnumerable<string> lines)
    {
        _result.Text = string.Join("\n", lines);
        _showingResult = true;
        Title = $"Trace from container {Container} (any key closes)";
        SetNeedsDraw();
    }

    public void Close()
    {
        Visible = false;
        Closed?.Invoke();
    }

    /// <summary>Keys while open. False: typing goes on to the TO field.</summary>
    public bool HandleKey(Key key)
    {
        if (_showingResult || key == Key.Esc) { Close(); return true; }
        if (key == Key.Enter)
        {
            _result.Text = "tracing…";
            Submitted?.Invoke(_to.Text?.Trim() ?? "");
            return true;
        }
        return false;
    }
}
