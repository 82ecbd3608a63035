using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.Cli.Verbs;

/// <summary>
/// What the change verbs need from the outside world, made by the composition root (or by
/// a test with fakes): a command runner for the target namespace, an inventory reading
/// through it, the file store, an optional journal observer, and where to print.
/// </summary>
public sealed class ChangeHost
{
    public required Func<System.CommandLine.ParseResult, ICommandRunner, OvsConnection, IHostInventory> Inventory { get; init; }
    public Func<NetworkTarget, ICommandRunner> Runner { get; init; } = t => new CommandRunner(t);
    public Func<IFileStore> Files { get; init; } = () => new FileStore();
    public Func<NetworkTarget, IChangeObserver?> Observer { get; init; } = _ => null;
    /// <summary>Root-level (recursive) --netns/--ovs-db options to read, when the root defines them; else each verb adds its own.</summary>
    public System.CommandLine.Option<string?>? SharedNetns { get; init; }
    public System.CommandLine.Option<string?>? SharedOvsDb { get; init; }

    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Err { get; init; } = Console.Error;
}
