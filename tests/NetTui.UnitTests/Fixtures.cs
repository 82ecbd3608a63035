namespace NetTui.UnitTests;

/// <summary>Captured real tool output under Fixtures/ (see Fixtures/README.md for how it was taken).</summary>
internal static class Fixtures
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));
}
