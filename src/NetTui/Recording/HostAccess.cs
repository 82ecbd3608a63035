using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.Recording;

/// <summary>
/// How to reach the host of any namespace: undo, rollback and the watchdog act on the namespace
/// a change-set was applied to (recorded in the journal), not only the one on the command line.
/// </summary>
public sealed class HostAccess(
    Func<NetworkTarget, ICommandRunner> runner, Func<ICommandRunner, IHostInventory> inventory, Func<IFileStore> files, OperationContext context)
{
    public OperationContext Context { get; } = context;

    public IHostInventory Inventory(string? netns) => inventory(runner(new NetworkTarget(netns)));

    public ChangeExecutor Executor(string? netns, IChangeObserver observer)
    {
        var r = runner(new NetworkTarget(netns));
        return new ChangeExecutor(r, inventory(r), files(), observer);
    }
}
