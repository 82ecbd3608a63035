using System.Runtime.CompilerServices;

namespace NetTui.UiTests.Infrastructure;

/// <summary>
/// Terminal.Gui's ANSI driver would write to /dev/tty; this switch (read once per process)
/// keeps every test headless. It must be set before any test touches Terminal.Gui.
/// </summary>
internal static class HeadlessDriver
{
    [ModuleInitializer]
    internal static void DisableRealTerminal() =>
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
