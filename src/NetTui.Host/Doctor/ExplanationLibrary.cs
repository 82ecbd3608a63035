namespace NetTui.Host.Doctor;

/// <summary>
/// The explanations of findings: assets/doctor/ID.md next to the program (the app copies
/// assets/** to its output). Text lives in files so it can be edited and reviewed as text.
/// </summary>
public sealed class ExplanationLibrary(string directory)
{
    public static ExplanationLibrary Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "assets", "doctor"));

    public string Directory { get; } = directory;

    public string PathOf(string id) => Path.Combine(Directory, id + ".md");

    /// <summary>The whole explanation, or null when there is none for <paramref name="id"/>.</summary>
    public string? Get(string id)
    {
        try { return File.ReadAllText(PathOf(id)).TrimEnd(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The first paragraph after the title: the one-line "why" shown under each finding.</summary>
    public string? Summary(string id)
    {
        var text = Get(id);
        if (text is null) return null;
        var paragraphs = text.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.FirstOrDefault(p => !p.StartsWith('#'))?.Replace('\n', ' ');
    }
}
