using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.Recording;

/// <summary>
/// How to reach the host of any namespace: undo, rollback and the watchdog act on the namespace
/// a change-set was applied to (recorded in the journal), not only the one on the command line.
/// <paramref name="handlers"/> run the plan steps that are not commands (NetworkManager profile
/// steps of a persisted change): with them, undoing a persisted change also undoes its profile,
/// because its journaled inverse is itself a persisted operation. Disposes the handlers.
/// </summary>
public sealed class HostAccess(
    Func<NetworkTarget, ICommandRunner> runner, Func<ICommandRunner, IHostInventory> inventory, Func<IFileStore> files, OperationContext context,
    IReadOnlyList<IPlanStepHandler>? handlers = null, NmCheckpoints? checkpoints = null) : IDisposable
{
    public OperationContext Context { get; } = context;

    /// <summary>NetworkManager checkpoints (commit-confirmed changes of NM-managed profiles); null where NetworkManager is not used.</summary>
    public NmCheckpoints? Checkpoints { get; } = checkpoints;

    /// <summary>The command runner of a namespace (Doctor commands are replayed through it, not the executor).</summary>
    public ICommandRunner Runner(string? netns) => runner(new NetworkTarget(netns));

    public IHostInventory Inventory(string? netns) => inventory(runner(new NetworkTarget(netns)));

    public ChangeExecutor Executor(string? netns, IChangeObserver observer)
    {
        var r = runner(new NetworkTarget(netns));
        return new ChangeExecutor(r, inventory(r), files(), observer, handlers);
    }

    /// <summary>The context an operation is checked in: <see cref="Context"/> plus the files it reads (daemon.json), as the executor reads them.</summary>
    public async Task<OperationContext> ContextForAsync(Operation op, CancellationToken ct = default)
    {
        var ctx = Context;
        var store = files();
        foreach (var path in op.FilesToRead(ctx).Distinct())
            ctx = ctx.WithFile(path, await store.ReadAsync(path, ct).ConfigureAwait(false));
        return ctx;
    }

    public void Dispose()
    {
        foreach (var h in handlers ?? []) (h as IDisposable)?.Dispose();
    }
}
