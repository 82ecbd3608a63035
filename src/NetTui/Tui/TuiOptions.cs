using NetTui.Core.Commands;
using NetTui.Host.Inventory;
using Serilog;

namespace NetTui.Tui;

/// <summary>How to start the full-screen UI (`nettui`, `nettui tui [--netns NAME] [--theme NAME]`).</summary>
public sealed record TuiOptions(string? Netns = null, string? Theme = null)
{
    /// <summary>Where to log; never the terminal. Null: no log.</summary>
    public ILogger? Log { get; init; }

    /// <summary>Replaces the real inventory (tests, demos).</summary>
    public Func<NetworkTarget, IHostInventory>? InventoryFactory { get; init; }

    /// <summary>The OVSDB socket the Doctor diagnoses (--ovs-db); null: from OVS_RUNDIR or the built-in default.</summary>
    public string? OvsDb { get; init; }

    /// <summary>Seconds between periodic refreshes of OVS and Docker.</summary>
    public TimeSpan RefreshPeriod { get; init; } = Live.LiveUpdates.DefaultPeriod;

    /// <summary>Parses the TUI's own arguments (after an optional "tui" verb); null on a usage error.</summary>
    public static TuiOptions? Parse(IReadOnlyList<string> args)
    {
        string? netns = null, theme = null;
        int i = args.Count > 0 && args[0] == "tui" ? 1 : 0;
        for (; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--netns" when i + 1 < args.Count: netns = args[++i]; break;
                case "--theme" when i + 1 < args.Count: theme = args[++i]; break;
                default:
                    if (args[i].StartsWith("--netns=", StringComparison.Ordinal)) netns = args[i]["--netns=".Length..];
                    else if (args[i].StartsWith("--theme=", StringComparison.Ordinal)) theme = args[i]["--theme=".Length..];
                    else return null;
                    break;
            }
        }
        return new TuiOptions(netns, theme);
    }
}
