using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTui.Core.Commands;
using NetTui.Host.Commands;

namespace NetTui.Recording;

/// <summary>
/// The commit-confirmed rollback's second trigger on hosts that systemd runs: a transient timer
/// (`systemd-run --on-active`) that starts a second watchdog a little after the deadline. If
/// the first watchdog did its job (or the change was confirmed), the second finds nothing
/// awaiting confirmation and ends; if the first was killed, the second rolls the change back.
/// So no single process stands between an unconfirmed change and its rollback.
/// </summary>
public static class SystemdTimerTrigger
{
    /// <summary>How long after the deadline the second watchdog starts: the first acts first.</summary>
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(5);

    /// <summary>The systemd-run call for change-set <paramref name="id"/> of the journal at <paramref name="historyPath"/>.</summary>
    public static CommandSpec Command(IReadOnlyList<string> self, string historyPath, long id, TimeSpan within, IEnumerable<string> forwarded)
    {
        var seconds = (long)Math.Ceiling((within + Lag).TotalSeconds);
        var idText = id.ToString(CultureInfo.InvariantCulture);
        string[] args =
        [
            "--quiet", "--collect",
            $"--unit=nettui-watchdog-{JournalKey(historyPath)}-{idText}",
            $"--on-active={seconds.ToString(CultureInfo.InvariantCulture)}s",
            $"--description=NetTui: roll back change-set #{idText} unless it was confirmed (second trigger)",
            "--",
            .. self, "watchdog", "--change-set", idText, "--history", historyPath, .. forwarded,
        ];
        return CommandSpec.Of("systemd-run", args).OutsideNamespace();
    }

    /// <summary>Starts the timer; null when it runs, else the note saying the watchdog is the only trigger and why.</summary>
    public static async Task<string?> StartAsync(ICommandRunner runner, string historyPath, long id, TimeSpan within, IEnumerable<string> forwarded)
    {
        var spec = Command(WatchdogLauncher.SelfCommand(), historyPath, id, within, forwarded);
        try
        {
            var r = await runner.RunAsync(spec).ConfigureAwait(false);
            return r.Succeeded ? null : $"no systemd timer as a second trigger ({r.Message}); the watchdog alone will roll the change back";
        }
        catch (Exception e) when (e is CommandNotFoundException or CommandTimeoutException)
        {
            return $"no systemd timer as a second trigger ({e.Message}); the watchdog alone will roll the change back";
        }
    }

    /// <summary>Unit names are per host, change-set ids per journal: 8 hex digits of the journal's path keep two journals apart.</summary>
    private static string JournalKey(string historyPath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(historyPath)))[..8];
}
