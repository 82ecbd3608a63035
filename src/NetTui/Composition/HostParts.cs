using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Presentation;
using NetTui.Recording;

namespace NetTui.Composition;

/// <summary>
/// What <see cref="HostChanges"/> is made of. Null means the real part, built from the
/// <see cref="HostOptions"/>; a test replaces the parts it fakes (a recording command runner,
/// an inventory over canned snapshots, a journal in a temp directory, a probe that answers
/// "NetworkManager runs", recorded checkpoints) and keeps the path itself real.
/// </summary>
public sealed record HostParts
{
    public Func<NetworkTarget, ICommandRunner>? Runner { get; init; }
    public Func<ICommandRunner, OvsConnection, IHostInventory>? Inventory { get; init; }
    public Func<IFileStore>? Files { get; init; }

    /// <summary>Opens the journal file; <see cref="NoJournal"/> = changes are not journaled (fakes of pure logic only; the composition root never sets it).</summary>
    public Func<string, Journal>? OpenJournal { get; init; }
    public bool NoJournal { get; init; }

    /// <summary>Whether NetworkManager answers (the persistence decision's one probe).</summary>
    public Func<CancellationToken, Task<PersistenceMode>>? Probe { get; init; }
    /// <summary>Runs NetworkManager plan steps (profile edits of a persisted operation).</summary>
    public Func<IPlanStepHandler>? NetworkManagerSteps { get; init; }
    public INmCheckpoints? Checkpoints { get; init; }

    /// <summary>Starts the commit-confirmed watchdog (history path, change-set id, options) and returns its pid.</summary>
    public Func<string, long, IEnumerable<string>, int>? StartWatchdog { get; init; }

    /// <summary>How long a change waits for another NetTui process's change before naming it (the TUI waits less: someone sits at the form).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    public Serilog.ILogger? Log { get; init; }
}
