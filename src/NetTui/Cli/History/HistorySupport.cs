using System.CommandLine;
using NetTui.Cli.Verbs;
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

    public static Journal? OpenJournal(ChangeHost host, ParseResult r)
    {
        var journal = host.Journal(r);
        if (journal is null) host.Err.WriteLine("nettui: no history database is configured");
        return journal;
    }

    public static string? Netns(ChangeHost host, ParseResult r) => host.SharedNetns is { } o ? r.GetValue(o) : null;

    /// <summary>Undo and rollback touch only the namespace asked for (--netns NS, or the host's own), never another one's changes.</summary>
    public static NamespaceScope Scope(ChangeHost host, ParseResult r) => NamespaceScope.Only(Netns(host, r));

    public static HostAccess Access(ChangeHost host, ParseResult r)
    {
        var ctx = ChangeVerb.Context(host.SharedOvsDb is { } o ? r.GetValue(o) : null);
        // The NetworkManager step handler: reverting a persisted change runs profile steps (and a note step).
        return new HostAccess(host.Runner, runner => host.Inventory(r, runner, ctx.Ovs), host.Files, ctx, [Recording.PersistenceChoice.StepHandler(host.BusAddress)],
            new NmCheckpoints(host.BusAddress));
    }

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
