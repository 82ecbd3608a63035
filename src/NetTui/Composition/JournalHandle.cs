using Microsoft.Data.Sqlite;
using NetTui.History.Journaling;
using NetTui.History.Schema;

namespace NetTui.Composition;

/// <summary>
/// Why the journal cannot be used, as one line that names the file and what to do. Every entry
/// point (change verbs, apply, undo, doctor --fix, the TUI's forms) refuses with it and changes
/// nothing: a change NetTui cannot journal is a change it cannot undo or roll back.
/// </summary>
public sealed record JournalProblem(string Path, string Reason)
{
    public string Line =>
        $"the history journal {Path} cannot be used ({Reason}); nothing was changed. " +
        $"Move it aside (mv {Path} {Path}.bad) or choose another file with --history PATH";

    public static JournalProblem From(string path, Exception e) => new(path, e switch
    {
        SqliteException { SqliteErrorCode: 26 } => "it is not a NetTui history database",
        SqliteException { SqliteErrorCode: 11 } => "the database is corrupt",
        SqliteException { SqliteErrorCode: 8 } => "it is read-only",
        SqliteException { SqliteErrorCode: 5 or 6 } => "another process holds a lock on it",
        SqliteException { SqliteErrorCode: 14 } => "it cannot be opened",
        SqliteException s => s.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal),
        UnauthorizedAccessException => "permission denied",
        JournalSchemaException or IOException or InvalidOperationException => e.Message,
        _ => e.Message,
    });

    /// <summary>What opening a journal may throw that is about the file, not a bug.</summary>
    public static bool IsAboutTheFile(Exception e) =>
        e is IOException or UnauthorizedAccessException or SqliteException or JournalSchemaException or InvalidOperationException;
}

/// <summary>
/// The one journal of a process, opened on first use. A failure is kept as a
/// <see cref="JournalProblem"/>; after <see cref="RetryAfter"/> it is tried again, so the TUI
/// notices when the admin has fixed the file (its countdown asks every second; the file system
/// must not be asked that often).
/// </summary>
public sealed class JournalHandle(string path, Func<string, Journal> open, TimeProvider? time = null)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private Journal? _journal;
    private (JournalProblem Problem, DateTimeOffset At)? _failed;

    public string Path => path;

    /// <summary>The journal, or the problem with its file.</summary>
    public (Journal? Journal, JournalProblem? Problem) Open()
    {
        lock (_gate)
        {
            if (_journal is not null) return (_journal, null);
            if (_failed is { } f && _time.GetUtcNow() - f.At < RetryAfter) return (null, f.Problem);
            try
            {
                _journal = open(path);
                _failed = null;
                return (_journal, null);
            }
            catch (Exception e) when (JournalProblem.IsAboutTheFile(e))
            {
                var problem = JournalProblem.From(path, e);
                _failed = (problem, _time.GetUtcNow());
                return (null, problem);
            }
        }
    }

    /// <summary>The last known problem without trying again (null: none known).</summary>
    public JournalProblem? Problem
    {
        get { lock (_gate) return _journal is null ? _failed?.Problem : null; }
    }
}
