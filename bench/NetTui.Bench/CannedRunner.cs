using NetTui.Core.Commands;
using NetTui.Host.Commands;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.Bench;

/// <summary>
/// Answers the inventory's commands from dumps captured in the scale namespace, so
/// "building the snapshot" is timed without the tools' own run time. Anything else is
/// "not installed" (Docker, as in the lab).
/// </summary>
public sealed class CannedRunner(IReadOnlyDictionary<string, string> byDisplay) : ICommandRunner
{
    public NetworkTarget Target => NetworkTarget.Current;

    /// <summary>The dump files bench/run.sh writes (one per command the inventory runs).</summary>
    public static CannedRunner FromDumps(string dir, CommandSpec ovsCommand) => new(new Dictionary<string, string>
    {
        [IpRoute2Reader.LinkShow.Display] = File.ReadAllText(Path.Combine(dir, "link.json")),
        [IpRoute2Reader.AddrShow.Display] = File.ReadAllText(Path.Combine(dir, "addr.json")),
        [IpRoute2Reader.BridgeLinkShow.Display] = File.ReadAllText(Path.Combine(dir, "bridge-link.json")),
        [IpRoute2Reader.NetnsListId.Display] = File.ReadAllText(Path.Combine(dir, "netns-list-id.json")),
        [IpRoute2Reader.Route4Show.Display] = File.ReadAllText(Path.Combine(dir, "route4.json")),
        [IpRoute2Reader.Route6Show.Display] = File.ReadAllText(Path.Combine(dir, "route6.json")),
        [ovsCommand.Display] = File.ReadAllText(Path.Combine(dir, "ovs.json")),
    });

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken ct = default)
    {
        if (byDisplay.TryGetValue(spec.Display, out var output))
            return Task.FromResult(new CommandResult(spec, 0, output, "", TimeSpan.Zero));
        throw new CommandNotFoundException(spec.Program, new System.ComponentModel.Win32Exception(2, "No such file or directory"));
    }
}
