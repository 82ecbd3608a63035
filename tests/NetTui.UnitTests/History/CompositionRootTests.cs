using System.Text.RegularExpressions;

namespace NetTui.UnitTests.History;

/// <summary>
/// Holds the one change path in place: outside the composition root (src/NetTui/Composition)
/// nothing builds an executor, opens the journal, resolves where it lives, or reads the bus
/// address, the Docker host or the history location from the environment. A new second path
/// fails here, naming the file and the line.
/// </summary>
public sealed class CompositionRootTests
{
    private static readonly string Src = Path.Combine(RepoRoot(), "src");

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "NetTui.sln"))) return d.FullName;
        throw new InvalidOperationException("NetTui.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>(what, pattern, files allowed to contain it, relative to src/).</summary>
    public static TheoryData<string, string, string[]> Rules => new()
    {
        { "builds an executor", @"new\s+ChangeExecutor\s*\(|new\s*\(\s*runner\s*,\s*Inventory\(runner\)", ["NetTui/Composition/HostChanges.cs"] },
        { "opens the journal", @"(?<!\bchanges\.)\bJournal\.Open\s*\(|JournalDatabase\.Open\s*\(|new\s+Journal\s*\(\s*JournalDatabase",
            ["NetTui/Composition/HostChanges.cs", "NetTui.History/Journaling/Journal.cs", "NetTui.History/Storage/JournalDatabase.cs"] },
        { "resolves the journal's location", @"HistoryLocation\.Resolve\s*\(", ["NetTui/Composition/HostOptions.cs", "NetTui.History/HistoryLocation.cs"] },
        { "reads the bus address, Docker host or history from the environment", "\"(DBUS_SYSTEM_BUS_ADDRESS|DOCKER_HOST|NETTUI_HISTORY)\"",
            ["NetTui/Composition/HostOptions.cs", "NetTui.History/HistoryLocation.cs"] },
        { "makes a NetworkManager client", @"new\s+NmClient\s*\(",
            ["NetTui/Composition/HostChanges.cs", "NetTui/Recording/NmCheckpoints.cs", "NetTui.Host/Inventory/NetworkManager/NetworkManagerReader.cs"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Only_the_composition_root(string what, string pattern, string[] allowed)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var offenders = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Rel: Path.GetRelativePath(Src, f).Replace(Path.DirectorySeparatorChar, '/'), Lines: File.ReadAllLines(f)))
            .Where(f => !allowed.Contains(f.Rel))
            .SelectMany(f => f.Lines.Select((l, i) => (f.Rel, Line: i + 1, Text: l.Trim())))
            .Where(l => !l.Text.StartsWith("///", StringComparison.Ordinal) && !l.Text.StartsWith("//", StringComparison.Ordinal) && regex.IsMatch(l.Text))
            .Select(l => $"{l.Rel}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(offenders.Count == 0, $"outside the composition root, this {what}:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public void The_rules_see_the_files_they_allow()
    {
        // A rule whose pattern matches nothing even where it is allowed would pass for the wrong reason.
        foreach (var row in Rules)
        {
            var (what, pattern, allowed) = row.Data;
            Assert.True(allowed.Any(a => Regex.IsMatch(File.ReadAllText(Path.Combine(Src, a)), pattern)), $"the rule '{what}' matches none of its allowed files");
        }
    }

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var long_ = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(Src, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 300)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(long_.Count == 0, string.Join("\n", long_));
    }
}
