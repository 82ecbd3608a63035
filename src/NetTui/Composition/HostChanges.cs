using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Values;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Host.Inventory.NetworkManager;
using NetTui.Host.NetworkManager;
using NetTui.Host.Persisting;
using NetTui.Host.Reachability;
using NetTui.Presentation;
using NetTui.Recording;

namespace NetTui.Composition;

/// <summary>
/// THE way NetTui makes a change on its target host, built once per process by the composition
/// root and used by the CLI verbs, the TUI's forms, the History view, the Doctor's fixes and the
/// wizard alike. It owns what every change needs: the journal (one handle, one clear refusal
/// when the file is bad), the persistence decision (one probe per change), NetworkManager
/// checkpoints, the apply lock and the watchdog (through <see cref="JournaledChange"/>), and the
/// executor. Nothing else in NetTui builds an executor or opens the journal.
/// </summary>
public sealed class HostChanges : IDisposable
{
    private readonly HostParts _parts;
    private readonly Lazy<IPlanStepHandler> _nmSteps;

    public HostChanges(HostOptions options, HostParts? parts = null)
    {
        Options = options;
        _parts = parts ?? new HostParts();
        Log = _parts.Log ?? Serilog.Core.Logger.None;
        Context = options.OvsDb is { } db && OvsDatabase.Parse(db) is { Ok: true } parsed
            ? OperationContext.Default with { Ovs = new OvsConnection(parsed.Get()) }
            : OperationContext.Default;
        var open = _parts.OpenJournal ?? NetTui.History.Journaling.Journal.Open;
        var targets = TargetLocks.For(options.LockDirectory, options.Netns, options.OvsDb);
        Journal = new JournalHandle(options.HistoryPath, path =>
        {
            var journal = open(path);
            journal.Targets = targets;
            return journal;
        });
        Checkpoints = _parts.Checkpoints ?? new NmCheckpoints(options.BusAddress);
        // One NetworkManager connection for the process, opened on first use.
        _nmSteps = new(() => _parts.NetworkManagerSteps?.Invoke() ?? new NetworkManagerStepHandler(new NmClient(options.BusAddress)));
    }

    public HostOptions Options { get; }
    public NetworkTarget Target => Options.Target;
    public OperationContext Context { get; }
    public JournalHandle Journal { get; }
    public INmCheckpoints Checkpoints { get; }
    public TimeSpan LockWait => _parts.LockWait;
    public Serilog.ILogger Log { get; }

    public ICommandRunner Runner(NetworkTarget target) => _parts.Runner?.Invoke(target) ?? new CommandRunner(target, Log);

    public IHostInventory Inventory(NetworkTarget target) => Inventory(Runner(target));

    private IHostInventory Inventory(ICommandRunner runner) =>
        _parts.Inventory?.Invoke(runner, Context.Ovs) ?? new HostInventory(runner, Options.Inventory, Log);

    /// <summary>A NetworkManager client on the process's bus, for reads outside a change (the Doctor's device states); the caller disposes it.</summary>
    public NmClient NetworkManagerClient() => new(Options.BusAddress) { CallTimeout = TimeSpan.FromSeconds(3) };

    public IFileStore Files() => _parts.Files?.Invoke() ?? new FileStore();

    /// <summary>The executor of <paramref name="target"/>: commands through its runner, NetworkManager steps through the process's connection.</summary>
    public ChangeExecutor Executor(NetworkTarget target, IChangeObserver? observer, ReachabilityGuard? guard = null)
    {
        var runner = Runner(target);
        return new ChangeExecutor(runner, Inventory(runner), Files(), observer, [_nmSteps.Value, new NetplanCheckHandler(runner)], guard);
    }

    /// <summary>The probes a change asked for, in its target (null: none, or a dry run).</summary>
    private ReachabilityGuard? Guard(ChangeRequest request) =>
        request.DryRun || request.Probes == Core.Reachability.ProbeKinds.None
            ? null
            : ReachabilityGuard.For(Runner(Target), Target, request.Probes, Options.SshConnection);

    /// <summary>What undo, rollback, recovery and the watchdog act through (any namespace the journal names).</summary>
    public HostAccess Access() => new(Runner, Inventory, (t, o) => Executor(t, o), Files, Context, Checkpoints);

    /// <summary>
    /// The persistence decision's one probe (never made with --runtime-only): does NetworkManager
    /// answer, else which configuration system's files are there (<see cref="PersistenceDetector"/>);
    /// <paramref name="persistWith"/> (--persist-with) forces one.
    /// </summary>
    public async Task<PersistenceMode> ProbeAsync(bool runtimeOnly, CancellationToken ct = default, PersistenceBackendKind? persistWith = null)
    {
        if (runtimeOnly) return new PersistenceMode(true, null);
        if (_parts.Probe is { } probe && persistWith is null) return await probe(ct).ConfigureAwait(false);
        var status = persistWith is null or PersistenceBackendKind.NetworkManager
            ? await NetworkManagerProbe.ProbeAsync(Options.BusAddress, ct).ConfigureAwait(false)
            : null;
        var decision = PersistenceDetector.Decide(Options.ConfigRoot, status?.Available == true, status?.Reason, persistWith);
        return new PersistenceMode(false, decision.Unavailable)
        {
            Backend = decision.Choice,
            BootUnits = Host.Inventory.Systemd.BootUnitReader.Booted(Options.SystemdRoot),
        };
    }

    /// <summary>
    /// Makes one change: decides persistence (one probe), refuses with one line when the journal
    /// cannot be used, then applies it journaled (crash check, apply lock, write-ahead, optional
    /// confirm timer with its watchdog and, when NetworkManager holds every operation, its checkpoint).
    /// </summary>
    public async Task<ChangeResult> ApplyAsync(ChangeRequest request, CancellationToken ct = default)
    {
        var mode = await ProbeAsync(request.RuntimeOnly, ct, request.PersistWith).ConfigureAwait(false);
        // Bare operations: a form may hand over ones wrapped for its preview; the decision is made here, now.
        var ops = request.Operations.Select(o => PersistenceLabel.Choose(o is PersistedOperation p ? p.Inner : o, mode)).ToList();
        var ctx = request.Context ?? Context;
        // A field the operation refuses (a name like "up" or "--") is a usage error: refused
        // before the journal is opened (a dry run of the executor, whose first check it is).
        var invalid = !request.DryRun && ops.Any(o => o.CheckFields().Count > 0);
        if (request.DryRun || _parts.NoJournal || invalid)
        {
            if (request.ConfirmWithin is not null && !request.DryRun && !invalid)
                return ChangeResult.Refuse(mode, [], "the confirm timer needs the history journal");
            var report = await Executor(Target, null).ApplyAsync(ops, ctx, new ApplyOptions(DryRun: request.DryRun || invalid), ct).ConfigureAwait(false);
            return new(report, mode, null, null, null, [], []);
        }

        var (journal, problem) = Journal.Open();
        if (journal is null)
        {
            Log.Warning("change refused: {Problem}", problem!.Line);
            return ChangeResult.Refuse(mode, [], problem!.Line);
        }
        // Commit-confirmed's second trigger: an expired change whose watchdog died goes first.
        var first = await RollBackExpiredAsync(journal, ct).ConfigureAwait(false);
        var journaled = new JournaledChange.Request(Target, ops, ctx)
        {
            ConfirmWithin = request.ConfirmWithin,
            WatchdogOptions = Options.WatchdogOptions,
            LockWait = LockWait,
            Checkpoints = Checkpoints,
            StartWatchdog = _parts.StartWatchdog ?? WatchdogLauncher.Start,
            SecondTrigger = Host.Inventory.Systemd.BootUnitReader.Booted(Options.SystemdRoot)
                ? (db, id, within, forwarded) => SystemdTimerTrigger.StartAsync(Runner(Target), db, id, within, forwarded)
                : null,
        };
        var guard = Guard(request);
        var result = await JournaledChange.RunAsync(journal, journaled, o => Executor(Target, o, guard), ct).ConfigureAwait(false);
        return new(result.Report, mode, result.ChangeSetId, result.ConfirmDeadline, result.WatchdogPid, [.. first, .. result.Notes], result.Refusal);
    }

    /// <summary>
    /// Rolls back, first, every commit-confirmed change past its deadline whose watchdog is gone
    /// (killed, or the host rebooted): any NetTui start that changes something (a change verb, the
    /// TUI) does it and says so, one line each. Empty when there was none.
    /// </summary>
    public async Task<IReadOnlyList<string>> RollBackExpiredAsync(Journal journal, CancellationToken ct = default)
    {
        var expired = (await journal.InspectAtStartupAsync(ct).ConfigureAwait(false)).ExpiredWithoutWatchdog;
        if (expired.Count == 0) return [];
        var notes = new List<string>();
        try
        {
            await using var lease = await journal.AcquireApplyLockAsync("roll back expired unconfirmed changes", LockWait, ct).ConfigureAwait(false);
            using var access = Access();
            var recovery = new PendingRecovery(journal, access);
            foreach (var cs in expired)
            {
                var outcome = await recovery.RollBackAsync(lease, cs.Id, ct).ConfigureAwait(false);
                notes.Add($"#{cs.Id} {cs.Summary} was not confirmed by {cs.ConfirmDeadline?.UtcDateTime:HH:mm:ss} UTC and its watchdog is gone: " +
                    (outcome.Succeeded ? $"rolled back first ({outcome.Message})" : $"rolling it back FAILED: {outcome.Message}"));
                Log.Warning("expired unconfirmed change-set {Id}: {Message}", cs.Id, outcome.Message);
            }
        }
        catch (NetTui.History.Locking.JournalLockedException e)
        {
            notes.Add($"expired unconfirmed change(s) not rolled back yet: {e.Message}");
        }
        return notes;
    }

    /// <summary>The journal for a history verb or view, or the one line saying why it cannot be used.</summary>
    public (Journal? Journal, JournalProblem? Problem) OpenJournal() => Journal.Open();

    public void Dispose()
    {
        if (_nmSteps.IsValueCreated) (_nmSteps.Value as IDisposable)?.Dispose();
    }
}
