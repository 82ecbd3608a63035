using System.CommandLine;

namespace NetTui.Cli.Verbs;

/// <summary>The options every change verb takes. A new set per command (System.CommandLine symbols belong to one parent).</summary>
internal sealed record ChangeOptions
{
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the plan (the exact commands) and change nothing" };
    public Option<bool> Json { get; } = new("--json") { Description = "Print the plan or the result as JSON" };
    public Option<string?> Save { get; } = new("--save") { Description = "Also write the operation(s) as a plan file (for `nettui apply`)", HelpName = "PLAN" };
    public Option<string?> Netns { get; private init; } = new("--netns") { Description = "Change this network namespace (under /run/netns) instead of the current one" };
    public Option<string?> OvsDb { get; private init; } = new("--ovs-db") { Description = "OVSDB to use, e.g. unix:/run/openvswitch/db.sock" };
    /// <summary>See Recording/PersistenceChoice: without it, changes go through NetworkManager profiles when it runs.</summary>
    public Option<bool> RuntimeOnly { get; } = RuntimeOnlyOption();

    /// <summary>--runtime-only, for the change verbs and the TUI (a new instance each: an option belongs to one command).</summary>
    public static Option<bool> RuntimeOnlyOption() => new("--runtime-only") { Description = "Change the running system only, not NetworkManager's saved profiles (lost at reboot)" };
    /// <summary>--persist-with: which configuration system to write instead of the one detected (Host/Persisting/PersistenceDetector).</summary>
    public Option<string?> PersistWith { get; } = new("--persist-with")
    {
        Description = "Write this configuration system's files so the change survives reboot, instead of the one that configures this host (nm, ifupdown, netplan, networkd)",
        HelpName = "nm|ifupdown|netplan|networkd",
    };
    public Option<string?> Probe { get; } = new("--probe")
    {
        Description = "What the change must not cut the host off from (default gateway,dns,ssh): checked before and after, and the change is undone at once if one is lost; none turns them off",
        HelpName = "gateway,dns,ssh|none",
    };
    public Option<int?> ConfirmWithin { get; } = new("--confirm-within")
    {
        Description = "Commit-confirmed: roll the change back automatically after SECONDS unless `nettui confirm` comes first",
        HelpName = "SECONDS",
    };

    /// <summary>Adds --dry-run and --json, and --netns/--ovs-db unless the root already has them (recursive).</summary>
    public static ChangeOptions AddTo(Command command, ChangeHost host)
    {
        var o = new ChangeOptions();
        command.Add(o.DryRun);
        command.Add(o.Json);
        command.Add(o.Save);
        command.Add(o.RuntimeOnly);
        command.Add(o.PersistWith);
        command.Add(o.ConfirmWithin);
        command.Add(o.Probe);
        if (host.SharedNetns is { } netns) o = o with { Netns = netns };
        else command.Add(o.Netns);
        if (host.SharedOvsDb is { } db) o = o with { OvsDb = db };
        else command.Add(o.OvsDb);
        return o;
    }
}

/// <summary>Thrown while building an operation from arguments the parser accepted but the verb cannot use (exit 2).</summary>
internal sealed class UsageException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
