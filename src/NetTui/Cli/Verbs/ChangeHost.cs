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

    /// <summary>The history journal for a parse result (--history / NETTUI_HISTORY / default); null: changes are not journaled (tests with fakes).</summary>
    public Func<System.CommandLine.ParseResult, NetTui.History.Journaling.Journal?> Journal { get; init; } = _ => null;
    /// <summary>Root options the commit-confirmed watchdog must be started with to reach the same daemons (--ovs-db, --docker-host, --log-file).</summary>
    public Func<System.CommandLine.ParseResult, IReadOnlyList<string>> ForwardedOptions { get; init; } = _ => [];
    /// <summary>Asks the admin a yes/no question on the terminal; null when there is no one to ask (stdin is not a terminal).</summary>
    public Func<string, bool>? Ask { get; init; }
    /// <summary>How long a change waits for another NetTui process's change to finish before saying who holds the lock.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Whether systemd runs this machine (then `docker bridge --restart` can restart dockerd through it).</summary>
    public Func<bool> HasSystemd { get; init; } = () => Directory.Exists("/run/systemd/system");

    /// <summary>Null when this process may change the network; else the one line saying it needs root or CAP_NET_ADMIN.</summary>
    public Func<string?> MissingPrivilege { get; init; } = ChangePrivilege.Missing;

    /// <summary>The system bus for NetworkManager; null = DBUS_SYSTEM_BUS_ADDRESS or the default socket.</summary>
    public string? BusAddress { get; init; }

    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Err { get; init; } = Console.Error;
}
