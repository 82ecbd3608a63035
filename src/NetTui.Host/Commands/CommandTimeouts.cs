using System.Globalization;
using NetTui.Core.Commands;

namespace NetTui.Host.Commands;

/// <summary>
/// A command that ran out of time, said as the admin needs it: which command, after how long
/// (the limit), and which daemon to check. ovs-vsctl ends itself at its own --timeout with
/// SIGALRM and a log line ("|fatal_signal|WARN|terminating with signal 14 (Alarm clock)"),
/// which says none of that; it is recognised here and replaced.
/// </summary>
public static class CommandTimeouts
{
    /// <summary>The daemon whose silence makes <paramref name="spec"/> wait (null: none in particular).</summary>
    public static string? Daemon(CommandSpec spec) => spec.Program switch
    {
        // --no-wait: only the database is asked; otherwise ovs-vsctl also waits for ovs-vswitchd to apply it.
        "ovs-vsctl" when spec.Arguments.Contains("--no-wait") => "ovsdb-server",
        "ovs-vsctl" => "ovs-vswitchd (and ovsdb-server)",
        "ovs-ofctl" or "ovs-appctl" => "ovs-vswitchd",
        "nmcli" => "NetworkManager",
        "docker" => "dockerd",
        _ => null,
    };

    /// <summary>"COMMAND: no answer within N s (its limit); check that DAEMON runs and answers".</summary>
    public static string Describe(CommandSpec spec, TimeSpan limit, string whose) =>
        $"{spec.Display}: no answer within {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s ({whose})" +
        (Daemon(spec) is { } d ? $"; check that {d} runs and answers" : "");

    /// <summary>The description of an ovs-vsctl that its own --timeout ended, or null when <paramref name="r"/> is something else.</summary>
    public static string? OvsAlarm(CommandResult r)
    {
        if (r.Spec.Program != "ovs-vsctl" || !r.StandardError.Contains("signal 14 (Alarm clock)", StringComparison.Ordinal)) return null;
        var limit = r.Spec.Arguments.FirstOrDefault(a => a.StartsWith("--timeout=", StringComparison.Ordinal)) is { } t
            && double.TryParse(t["--timeout=".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : r.Elapsed;
        return Describe(r.Spec, limit, "ovs-vsctl's --timeout");
    }
}
