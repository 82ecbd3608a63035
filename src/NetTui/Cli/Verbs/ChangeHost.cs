using System.CommandLine;
using NetTui.Composition;
using NetTui.Host.Commands;

namespace NetTui.Cli.Verbs;

/// <summary>
/// What the change and history verbs get from the composition root: how to read this
/// invocation's <see cref="HostOptions"/>, the parts of the one change path
/// (<see cref="HostChanges"/>; real ones, or a test's fakes), and where to print.
/// </summary>
public sealed class ChangeHost
{
    /// <summary>The options of a parse (the root's recursive options plus the environment, read in one place).</summary>
    public Func<ParseResult, HostOptions> Options { get; init; } = _ => HostOptions.FromEnvironment();

    /// <summary>The parts of the change path; defaults are the real host.</summary>
    public HostParts Parts { get; init; } = new();

    /// <summary>Root-level (recursive) --netns/--ovs-db options to read, when the root defines them; else each verb adds its own.</summary>
    public Option<string?>? SharedNetns { get; init; }
    public Option<string?>? SharedOvsDb { get; init; }

    /// <summary>Asks the admin a yes/no question on the terminal; null when there is no one to ask (stdin is not a terminal).</summary>
    public Func<string, bool>? Ask { get; init; }
    /// <summary>Whether systemd runs this machine (then `docker bridge --restart` can restart dockerd through it).</summary>
    public Func<bool> HasSystemd { get; init; } = () => Directory.Exists("/run/systemd/system");

    /// <summary>Whether this kernel can run OVS's system datapath (then it is `ovs bridge add`'s default, else netdev).</summary>
    public Func<bool> KernelDatapath { get; init; } = () => Host.Inventory.Ovs.KernelModule.Available("openvswitch");

    /// <summary>Null when this process may change the network; else the one line saying it needs root or CAP_NET_ADMIN.</summary>
    public Func<string?> MissingPrivilege { get; init; } = ChangePrivilege.Missing;

    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Err { get; init; } = Console.Error;

    /// <summary>How long a change waits for another NetTui process's change to finish before saying who holds the lock.</summary>
    public TimeSpan LockWait => Parts.LockWait;

    /// <summary>
    /// The change path of this invocation: the root's options, with the namespace and OVSDB the
    /// verb was given (its own --netns/--ovs-db where the root has none). The caller disposes it.
    /// </summary>
    public HostChanges Changes(ParseResult r, string? netns, string? ovsDb) =>
        new(Options(r) with { Netns = netns, OvsDb = ovsDb }, Parts);

    /// <summary>The same for a verb that has only the root's options (history, confirm, watchdog).</summary>
    public HostChanges Changes(ParseResult r) =>
        Changes(r, SharedNetns is { } n ? r.GetValue(n) : null, SharedOvsDb is { } o ? r.GetValue(o) : null);
}
