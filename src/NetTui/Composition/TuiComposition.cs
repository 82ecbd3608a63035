using NetTui.History.Planning;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Tui;

namespace NetTui.Composition;

/// <summary>
/// The composition root of the full-screen UI: its one change path (<see cref="HostChanges"/>,
/// the CLI's class, over the UI's own inventory for its namespace) and what the views are
/// given from it: the forms' apply, the commit-confirmed countdown, the History view, the
/// Doctor's journal.
/// </summary>
public static class TuiComposition
{
    public static HostChanges Changes(TuiOptions options, IHostInventory inventory)
    {
        var host = options.HostOptions;
        var log = options.Log ?? Serilog.Core.Logger.None;
        var parts = options.Parts;
        return new HostChanges(host, parts with
        {
            Runner = parts.Runner ?? (t => new CommandRunner(t, log)),
            // The UI's inventory for its own namespace (so a change verifies against what the UI shows); a fresh one for any other the journal names.
            Inventory = parts.Inventory ?? ((runner, _) => runner.Target == host.Target ? inventory : new HostInventory(runner, host.Inventory, log)),
            Log = log,
        });
    }

    /// <summary>The forms' change path (public so that the lab applies through exactly what the TUI wires).</summary>
    public static TuiChangePath ChangePath(TuiOptions options, IHostInventory inventory) => new(Changes(options, inventory), options.RuntimeOnly);

    public static JournalConfirmBackend Confirm(HostChanges changes) =>
        new(() => changes.Journal.Open().Journal, changes.Target.Namespace, changes.Checkpoints);

    /// <summary>The History view over the same journal and host access as `nettui undo`; null while the journal cannot be used (the header says why).</summary>
    public static IHistoryBackend? History(HostChanges changes) =>
        changes.Journal.Open().Journal is { } journal
            ? new JournalHistoryBackend(journal, changes.Access, NamespaceScope.Only(changes.Target.Namespace), changes.LockWait)
            : null;

    /// <summary>Doctor fixes journal into the same handle as the forms' changes; a bad journal refuses them.</summary>
    public static Func<(Host.Doctor.IFixObserver? Observer, string? Problem)> DoctorJournal(HostChanges changes) => () =>
    {
        var (journal, problem) = changes.Journal.Open();
        return journal is null ? (null, problem!.Line) : (new NetTui.Doctor.JournalFixObserver(journal, changes.Target), null);
    };
}
