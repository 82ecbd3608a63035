using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.Composition;
using NetTui.Core.Operations;
using NetTui.Cli.Json;
using NetTui.History.Journaling;
using NetTui.History.Planning;
using NetTui.Recording;

namespace NetTui.Cli.History;

/// <summary>
/// What the history verbs share: the journal, the host of any namespace, the scope of
/// --netns, and one way to print a refusal. Exit codes of every history verb: 0 done, 1 refused
/// or failed because of the host or the history (drift, nothing to undo, a pending change,
/// a revert that failed, a lock held too long), 2 usage (bad arguments, or a question that
/// could not be asked: not on a terminal and no --yes).
/// </summary>
internal static class HistorySupport
{
    public const int Refused = 1;
    public const int Usage = 2;

    /// <summary>The journal of the change path, or null after printing the one line that says what is wrong with its file (exit <see cref="Refused"/>).</summary>
    public static Journal? OpenJournal(ChangeHost host, HostChanges changes)
    {
        var (journal, problem) = changes.OpenJournal();
        if (problem is not null) host.Err.WriteLine($"nettui: {problem.Line}");
        return journal;
    }

    public static string? Netns(ChangeHost host, ParseResult r) => host.SharedNetns is { } o ? r.GetValue(o) : null;

    /// <summary>Undo and rollback touch only the namespace asked for (--netns NS, or the host's own), never another one's changes.</summary>
    public static NamespaceScope Scope(ChangeHost host, ParseResult r) => NamespaceScope.Only(Netns(host, r));

    public static string Json<T>(T value) => CliJson.Operation(value);

    public static async Task<int> FailAsync(ChangeHost host, bool json, int code, string message, DriftDetail? extra = null)
    {
        if (json) await host.Out.WriteLineAsync(Json(new RefusedDocument("refused", code, message, extra))).ConfigureAwait(false);
        else await host.Err.WriteLineAsync($"nettui: {message}").ConfigureAwait(false);
        return code;
    }

    /// <summary>Prints what a crashed run left behind (to stderr, so --json output stays one document).</summary>
    public static async Task ReportStartupAsync(ChangeHost host, Journal journal, CancellationToken ct)
    {
        var findings = await StartupCheck.InspectAsync(journal, ct).ConfigureAwait(false);
        foreach (var p in findings.Problems) await host.Err.WriteLineAsync($"nettui: {p}").ConfigureAwait(false);
        foreach (var n in findings.Notes) await host.Err.WriteLineAsync($"note: {n}").ConfigureAwait(false);
    }
}
