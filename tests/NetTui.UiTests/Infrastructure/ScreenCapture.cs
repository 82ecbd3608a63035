using System.Runtime.CompilerServices;

namespace NetTui.UiTests.Infrastructure;

/// <summary>
/// The screen captures README shows (docs/*.txt). A test compares its screen with the tracked
/// capture and fails on a difference; it writes the file only when asked to
/// (NETTUI_UPDATE_CAPTURES=1, as the tmux test does), so a test run never rewrites tracked files.
/// </summary>
internal static class ScreenCapture
{
    public const string UpdateVariable = "NETTUI_UPDATE_CAPTURES";

    public static void Check(string name, string screen, [CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        while (dir is not null && !File.Exists(Path.Combine(dir, "NetTui.sln"))) dir = Path.GetDirectoryName(dir);
        if (dir is null) return; // not run from a checkout: no capture to compare with
        var text = string.Join("\n", screen.Replace("\r", "").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
        var path = Path.Combine(dir, "docs", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.Combine(dir, "docs"));
            File.WriteAllText(path, text);
            return;
        }
        Assert.True(File.Exists(path), $"docs/{name} is missing; run the UI tests with {UpdateVariable}=1 to write it");
        Assert.True(File.ReadAllText(path) == text,
            $"the screen differs from docs/{name} (README shows it); if the change is meant, run the UI tests with {UpdateVariable}=1 and commit the capture.\n{text}");
    }
}
