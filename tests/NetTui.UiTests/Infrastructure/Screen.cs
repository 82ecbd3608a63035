using NetTui.Core.Model;
using NetTui.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetTui.UiTests.Infrastructure;

/// <summary>
/// A headless terminal running the main window: keys in, screen text out. Synchronous on
/// purpose (Begin installs a SynchronizationContext whose loop these tests never run).
/// </summary>
internal sealed class Screen : IDisposable
{
    private readonly SynchronizationContext? _previousContext = SynchronizationContext.Current;
    private readonly SessionToken _token;

    public IApplication App { get; }
    public MainWindow Window { get; }

    public Screen(HostSnapshot snapshot, int width = 80, int height = 24, bool readOnly = true, Theme? theme = null)
    {
        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Window = new MainWindow(snapshot, readOnly, theme);
        _token = App.Begin(Window)!;
        App.LayoutAndDraw();
    }

    public string Text
    {
        get
        {
            App.LayoutAndDraw();
            var text = App.Driver!.ToString()!;
            if (Environment.GetEnvironmentVariable("NETTUI_SCREEN_DUMP") is { } dump)
                File.AppendAllText(dump, text + "\n-----\n");
            return text;
        }
    }

    public string[] Lines => Text.Replace("\r", "").TrimEnd('\n').Split('\n');

    public Screen Press(params Key[] keys)
    {
        foreach (var k in keys)
        {
            App.InjectKey(k);
            App.LayoutAndDraw();
        }
        return this;
    }

    public Screen Type(string text)
    {
        foreach (var c in text) Press(new Key(c));
        return this;
    }

    public Screen Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
        return this;
    }

    public void Dispose()
    {
        App.End(_token);
        Window.Dispose();
        App.Dispose();
        SynchronizationContext.SetSynchronizationContext(_previousContext);
    }
}
