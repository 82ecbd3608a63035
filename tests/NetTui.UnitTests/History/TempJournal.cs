using NetTui.History.Journaling;
using NetTui.History.Storage;

namespace NetTui.UnitTests.History;

/// <summary>A real journal file in a fresh temp directory, removed afterwards.</summary>
public sealed class TempJournal : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("nettui-history-").FullName;
    public string DbPath => Path.Combine(Directory, "state", "history.db");

    public Journal Open(TimeProvider? time = null, ProcessIdentity? self = null) =>
        new(JournalDatabase.Open(DbPath), time, self);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Small helpers to write a whole change-set the way the executor will.</summary>
public static class JournalScript
{
    public static PlannedStep Step(string kind, string description) =>
        new(kind, $$"""{"name":"{{description}}"}""", description, "inverse-" + kind, $$"""{"name":"{{description}}"}""");

    public static CommandRecord Command(string display, int exit = 0, string stderr = "") =>
        new(display, [.. display.Split(' ')], exit, "", stderr, TimeSpan.FromMilliseconds(5), DateTimeOffset.UtcNow);

    /// <summary>Lock, begin, run each step (recording one command), complete as applied.</summary>
    public static async Task<long> ApplyAsync(Journal journal, string summary, params string[] steps) =>
        await ApplyAsync(journal, new NewChangeSet(summary, "lab"), steps);

    public static async Task<long> ApplyAsync(Journal journal, NewChangeSet cs, params string[] steps)
    {
        await using var lease = await journal.AcquireApplyLockAsync(cs.Summary, TimeSpan.FromSeconds(30));
        var id = await journal.BeginChangeSetAsync(lease, cs, steps.Select(s => Step("op", s)).ToList());
        for (var i = 1; i <= steps.Length; i++)
            await journal.RecordStepAsync(id, i, StepStatus.Applied, [Command($"ip link {steps[i - 1]}")]);
        await journal.CompleteAsync(id, ChangeSetStatus.Applied, NetTui.History.Facts.FactSet.Of(("link/" + cs.Summary + "/exists", "true")));
        return id;
    }
}
