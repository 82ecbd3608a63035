using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.Recording;

/// <summary>
/// How undo, rollback and the watchdog reach the host of any namespace: they act on the
/// namespace a change-set was applied to (recorded in the journal), not only the one on the
/// command line. Made by the one change path (Composition/HostChanges), whose executors also
/// run the plan steps that are not commands (NetworkManager profile steps of a persisted
/// change): undoing a persisted change also undoes its profile, because its journaled inverse
/// is itself a persisted operation.
/// </summary>
public sealed class HostAccess(
    Func<NetworkTarget, ICommandRunner> runner, Func<ICommandRunner, IHostInventory> inventory,
    Func<NetworkTarget, IChangeObserver, ChangeExecutor> executor, Func<IFileStore> files, OperationContext context,
    INmCheckpoints? checkpoints = null) : IDisposable
{
    public OperationContext Context { get; } = context;

    /// <summary>NetworkManager checkpoints (commit-confirmed changes of NM-managed profiles); null where NetworkManager is not used.</summary>
    public INmCheckpoints? Checkpoints { get; } = checkpoints;

    /// <summary>The command runner of a namespace (Doctor commands are replayed through it, not the executor).</summary>
    public ICommandRunner Runner(string? netns) => runner(new NetworkTarget(netns));

    public IHostInventory Inventory(string? netns) => inventory(runner(new NetworkTarget(netns)));

    public ChangeExecutor Executor(string? netns, IChangeObserver observer) => executor(new NetworkTarget(netns), observer);

    /// <summary>The context an operation is checked in: <see cref="Context"/> plus the files it reads (daemon.json), as the executor reads them.</summary>
    public async Task<OperationContext> ContextForAsync(Operation op, CancellationToken ct = default)
    {
        var ctx = Context;
        var store = files();
        foreach (var path in op.FilesToRead(ctx).Distinct())
            ctx = ctx.WithFile(path, await store.ReadAsync(path, ct).ConfigureAwait(false));
        return ctx;
    }

    /// <summary>Nothing to release: the change path that made this owns the NetworkManager connection.</summary>
    public void Dispose() { }
}
