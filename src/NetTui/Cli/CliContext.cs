using System.CommandLine;
using NetTui.Core.Commands;
using NetTui.Host.Inventory;
using NetTui.Logging;
using Serilog;

namespace NetTui.Cli;

/// <summary>
/// What verb actions share: the common options, the output writers, and factories for
/// the logger and the inventory (replaceable in tests).
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    public CommonOptions Options { get; } = new();
    // Every verb prints through these: host text (aliases, NM ids, OVS and Docker names, plan
    // messages) reaches the terminal only through the one sanitizer.
    public TextWriter Output { get; } = Render.TerminalSafeWriter.Wrap(output);
    public TextWriter Error { get; } = Render.TerminalSafeWriter.Wrap(error);

    /// <summary>Where confirmations and prompts are read from (Console.In by default; tests give a StringReader).</summary>
    public TextReader Input { get; init; } = Console.In;

    /// <summary>Whether a person can answer prompts: without one, verbs that would ask must refuse instead.</summary>
    public bool Interactive { get; init; } = !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary>Builds the inventory for a parse result; tests swap in one over canned data.</summary>
    public Func<ParseResult?, ILogger, IHostInventory>? InventoryFactory { get; init; }

    /// <summary>The parts of the change path (Composition/HostChanges); the real host unless a test replaces some (its journal, runner, probe).</summary>
    public NetTui.Composition.HostParts Parts { get; init; } = new();

    /// <summary>Yes/no questions (undo over a drifted host, ...): on the terminal when stdin is one, else nobody to ask (null).</summary>
    public Func<string, bool>? Ask { get; init; } = Console.IsInputRedirected ? null : ConsoleAsk;

    private static bool ConsoleAsk(string question)
    {
        Console.Error.Write($"{question} [y/N] ");
        var answer = Console.ReadLine()?.Trim();
        return answer is "y" or "Y" or "yes" or "YES" or "Yes";
    }

    public ILogger CreateLogger(ParseResult r) => LogSetup.Create(LogPath.FromEnvironment(r.GetValue(Options.LogFile)));

    public NetworkTarget Target(ParseResult r) => new(r.GetValue(Options.Netns));

    /// <summary>Builds the counter reader for a parse result; tests swap in one over a fake runner.</summary>
    public Func<ParseResult, ILogger, NetTui.Host.Inventory.Traffic.TrafficReader>? TrafficFactory { get; init; }

    public NetTui.Host.Inventory.Traffic.TrafficReader CreateTrafficReader(ParseResult r, ILogger log) =>
        TrafficFactory is not null
            ? TrafficFactory(r, log)
            : new(new NetTui.Host.Commands.CommandRunner(Target(r), log), NetTui.Composition.CliComposition.Options(this, r).OvsDb);

    public IHostInventory CreateInventory(ParseResult r, ILogger log)
    {
        if (InventoryFactory is not null) return InventoryFactory(r, log);
        return HostInventory.For(Target(r), NetTui.Composition.CliComposition.Options(this, r).Inventory, log);
    }
}
