using NetTui.Core.Commands;
using NetTui.Core.Logs;
using NetTui.Host.Commands;
using NetTui.Host.Doctor;
using NetTui.Host.Inventory;

namespace NetTui.Host.Logs;

/// <summary>
/// Finds where each daemon of the target really logs: its process in the target's network
/// namespace (/proc: argv, where its stderr goes), journald's socket, the syslog files; then
/// <see cref="LogLocator"/> decides. A file that exists but cannot be opened is said so here.
/// </summary>
public sealed class DaemonLogLocator(ICommandRunner runner, IReadOnlyDictionary<LogDaemon, string> configured, string? ovsLogDirectory)
{
    public const string PackagedOvsLogDirectory = "/var/log/openvswitch";
    public static readonly string[] SyslogFiles = ["/var/log/syslog", "/var/log/messages"];
    public const string JournalSocket = "/run/systemd/journal/socket";

    public async Task<IReadOnlyList<LogLocation>> LocateAsync(CancellationToken ct)
    {
        var netns = await TargetNetnsAsync(ct).ConfigureAwait(false);
        var comms = new HashSet<string>(LogDaemons.All.Select(d => d.Program()), StringComparer.Ordinal);
        var processes = ProcessTable.Find(comms).Where(p => netns is null || p.NetNamespace == netns).ToList();
        var host = new HostLogFacts(ovsLogDirectory ?? PackagedOvsLogDirectory, File.Exists(JournalSocket), SyslogFiles.FirstOrDefault(File.Exists));
        var locations = new List<LogLocation>();
        foreach (var daemon in LogDaemons.All)
        {
            var p = processes.FirstOrDefault(x => x.Comm == daemon.Program());
            var facts = new DaemonLogFacts(daemon, p is not null, p is null ? [] : p.CommandLine,
                p is null ? null : StderrFile(p.Pid), configured.GetValueOrDefault(daemon));
            locations.Add(Readable(LogLocator.Locate(facts, host, File.Exists)));
        }
        return locations;
    }

    /// <summary>The regular file a process's stderr is open on (not a pipe, socket or terminal).</summary>
    private static string? StderrFile(int pid)
    {
        try
        {
            var target = new FileInfo($"/proc/{pid}/fd/2").LinkTarget;
            return target is { Length: > 1 } && target[0] == '/' && !target.StartsWith("/dev/", StringComparison.Ordinal) && File.Exists(target) ? target : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A file location stays only if it can be opened; otherwise one line why.</summary>
    private static LogLocation Readable(LogLocation location)
    {
        var path = location switch { LogLocation.File f => f.Path, LogLocation.Syslog s => s.Path, _ => null };
        if (path is null) return location;
        try
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return location;
        }
        catch (UnauthorizedAccessException)
        {
            return new LogLocation.Unavailable(location.Daemon, $"{location.Daemon.Program()}: {path} is not readable by this user (root, or the adm group, can read it)");
        }
        catch (FileNotFoundException)
        {
            return new LogLocation.Unavailable(location.Daemon, $"{location.Daemon.Program()}: {path} does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            return new LogLocation.Unavailable(location.Daemon, $"{location.Daemon.Program()}: {path} does not exist");
        }
        catch (IOException e)
        {
            return new LogLocation.Unavailable(location.Daemon, $"{location.Daemon.Program()}: {path}: {e.Message}");
        }
    }

    private async Task<string?> TargetNetnsAsync(CancellationToken ct)
    {
        if (runner.Target.IsCurrent) return ProcessTable.NetNamespaceOf(Environment.ProcessId);
        var r = await ToolRun.RunAsync(runner, new CommandSpec("readlink", ["/proc/self/ns/net"], TimeSpan.FromSeconds(5)), ct).ConfigureAwait(false);
        return r.Ok && r.Output!.Trim() is { Length: > 0 } id ? id : null;
    }
}
