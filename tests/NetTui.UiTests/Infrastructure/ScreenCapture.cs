using System.Runtime.CompilerServices;

namespace NetTui.UiTests.Infrastructure;

/// <summary>Writes screen captures into the repository's docs/ folder (for README).</summary>
internal static class ScreenCapture
{
    public static void Save(string name, string screen, [CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        while (dir is not null && !File.Exists(Path.Combine(dir, "NetTui.sln"))) dir = Path.GetDirectoryName(dir);
        if (dir is null) return; // not run from a checkout: nothing to refresh
        var lines = screen.Replace("\r", "").Split('\n').Select(l => l.TrimEnd());
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", name), string.Join("\n", lines).TrimEnd() + "\n");
    }
}
