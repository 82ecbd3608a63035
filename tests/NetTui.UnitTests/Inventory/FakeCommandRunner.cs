using NetTui.Core.Commands;
using NetTui.Host.Commands;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// Answers commands from canned results keyed by their display form (program + args);
/// an entry can also be an exception to throw (not installed, timeout).
/// </summary>
internal sealed class FakeCommandRunner(NetworkTarget? target = null) : ICommandRunner
{
    private readonly Dictionary<string, Func<CommandSpec, CommandResult>> _answers = new(StringComparer.Ordinal);

    public NetworkTarget Target { get; } = target ?? NetworkTarget.Current;
    public List<CommandSpec> Ran { get; } = [];

    public FakeCommandRunner Answer(CommandSpec spec, string stdout) =>
        Set(spec, s => new CommandResult(s, 0, stdout, "", TimeSpan.FromMilliseconds(1)));

    public FakeCommandRunner Fail(CommandSpec spec, int exitCode, string stderr) =>
        Set(spec, s => new CommandResult(s, exitCode, "", stderr, TimeSpan.FromMilliseconds(1)));

    public FakeCommandRunner Throw(CommandSpec spec, Func<CommandSpec, Exception> exception) =>
        Set(spec, s => throw exception(s));

    private FakeCommandRunner Set(CommandSpec spec, Func<CommandSpec, CommandResult> answer)
    {
        _answers[spec.Display] = answer;
        return this;
    }

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken ct = default)
    {
        lock (Ran) Ran.Add(spec);
        if (_answers.TryGetValue(spec.Display, out var answer)) return Task.FromResult(answer(spec));
        throw new CommandNotFoundException(spec.Program, new System.ComponentModel.Win32Exception(2, "No such file or directory"));
    }

    /// <summary>Every iproute2 read answered from the captured fixtures.</summary>
    public static FakeCommandRunner WithIpFixtures() => new FakeCommandRunner()
        .Answer(NetTui.Host.Inventory.IpRoute2.IpRoute2Reader.LinkShow, Fixtures.Read("iproute2/link.json"))
        .Answer(NetTui.Host.Inventory.IpRoute2.IpRoute2Reader.AddrShow, Fixtures.Read("iproute2/addr.json"))
        .Answer(NetTui.Host.Inventory.IpRoute2.IpRoute2Reader.BridgeLinkShow, Fixtures.Read("iproute2/bridge-link.json"))
        .Answer(NetTui.Host.Inventory.IpRoute2.IpRoute2Reader.NetnsListId, Fixtures.Read("iproute2/netns-list-id.json"))
        .Answer(NetTui.Host.Inventory.IpRoute2.IpRoute2Reader.Route4Show, Fixtures.Read("iproute2/route4.json"))
        .Answer(NetTui.Host.Inventory.IpRoute2.IpRoute2Reader.Route6Show, Fixtures.Read("iproute2/route6.json"));
}
