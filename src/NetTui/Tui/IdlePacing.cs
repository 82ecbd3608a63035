using Terminal.Gui.App;

namespace NetTui.Tui;

/// <summary>
/// Terminal.Gui v2 runs its main loop at a fixed rate (Application.MaximumIterationsPerSecond,
/// 25 a second by default) whether or not anything happens: each pass drains input, polls the
/// terminal size, walks the views for drawing and runs timers. That is most of an idle TUI's
/// CPU once no timer re-reads the host. While the admin types or clicks the loop keeps its
/// rate; after <see cref="IdleAfter"/> without input it slows to <see cref="IdleRate"/> passes a
/// second, so the first key after a pause waits at most 1/<see cref="IdleRate"/> s, and every
/// key after it is handled at the full rate again.
/// </summary>
internal sealed class IdlePacing : IDisposable
{
    public const ushort ActiveRate = 25, IdleRate = 8;
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(3);

    private readonly IApplication _app;
    private readonly TimeProvider _clock;
    private long _lastInput;

    public IdlePacing(IApplication app, TimeProvider? clock = null)
    {
        _app = app;
        _clock = clock ?? TimeProvider.System;
        _lastInput = _clock.GetTimestamp();
        app.Keyboard.KeyDown += OnKey;
        app.Mouse.MouseEvent += OnMouse;
        app.Iteration += OnIteration;
        Application.MaximumIterationsPerSecond = ActiveRate;
    }

    private void OnKey(object? sender, Terminal.Gui.Input.Key e) => Input();
    private void OnMouse(object? sender, Terminal.Gui.Input.Mouse e) => Input();

    private void Input()
    {
        _lastInput = _clock.GetTimestamp();
        Application.MaximumIterationsPerSecond = ActiveRate;
    }

    private void OnIteration(object? sender, EventArgs e)
    {
        if (Application.MaximumIterationsPerSecond != IdleRate && _clock.GetElapsedTime(_lastInput) > IdleAfter)
            Application.MaximumIterationsPerSecond = IdleRate;
    }

    public void Dispose()
    {
        _app.Keyboard.KeyDown -= OnKey;
        _app.Mouse.MouseEvent -= OnMouse;
        _app.Iteration -= OnIteration;
        Application.MaximumIterationsPerSecond = ActiveRate;
    }
}
