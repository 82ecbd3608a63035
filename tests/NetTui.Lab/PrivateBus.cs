using System.Text.RegularExpressions;

namespace NetTui.Lab;

/// <summary>
/// A D-Bus "system" bus private to one lab host, so NetworkManager and nmcli never meet
/// the machine's real system bus. The config is Debian's system.conf minus what needs a
/// real system (user switch, service activation, forking), listening on D/bus.sock.
/// </summary>
public sealed partial class PrivateBus : IAsyncDisposable
{
    private readonly LabHost _host;
    private LabDaemon? _daemon;

    public string Dir { get; }
    public string SocketPath => Path.Combine(Dir, "bus.sock");
    public string ConfigFile => Path.Combine(Dir, "bus.conf");
    /// <summary>The value for DBUS_SYSTEM_BUS_ADDRESS.</summary>
    public string Address => "unix:path=" + SocketPath;

    public PrivateBus(LabHost host, string dir)
    {
        _host = host;
        Dir = dir;
    }

    public async Task StartAsync()
    {
        if (_daemon is { HasExited: false }) return;
        Directory.CreateDirectory(Dir);
        await File.WriteAllTextAsync(ConfigFile, MakeConfig(await File.ReadAllTextAsync("/usr/share/dbus-1/system.conf").ConfigureAwait(false), SocketPath, Path.Combine(Dir, "dbus.pid")))
            .ConfigureAwait(false);
        try { File.Delete(SocketPath); } catch (IOException) { }
        // --nofork: the lab owns the pid (a forked daemon would leave us guessing).
        _daemon = LabDaemon.Start("dbus-daemon", Dir, _host.InNamespace("dbus-daemon", "--nofork", "--config-file=" + ConfigFile));
        await LabWait.UntilAsync("dbus-daemon to listen on " + SocketPath, () =>
        {
            if (_daemon.HasExited) throw new LabException("dbus-daemon exited: " + _daemon.LogTail());
            return Task.FromResult(File.Exists(SocketPath));
        }, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
    }

    public async Task StopAsync()
    {
        if (_daemon is null) return;
        await _daemon.StopAsync().ConfigureAwait(false);
        _daemon = null;
    }

    /// <summary>Rewrites Debian's system.conf for a private, unprivileged-activation-free bus.</summary>
    internal static string MakeConfig(string systemConf, string socketPath, string pidFile)
    {
        var c = UserRegex().Replace(systemConf, "");
        c = c.Replace("<fork/>", "")
             .Replace("<standard_system_servicedirs/>", "")
             .Replace("<syslog/>", "");
        c = ServiceHelperRegex().Replace(c, "");
        c = PidFileRegex().Replace(c, $"<pidfile>{pidFile}</pidfile>");
        c = ListenRegex().Replace(c, $"<listen>unix:path={socketPath}</listen>");
        // A relative includedir would resolve against our state dir, not /usr/share/dbus-1.
        c = c.Replace("<includedir>system.d</includedir>", "<includedir>/usr/share/dbus-1/system.d</includedir>");
        return c;
    }

    [GeneratedRegex(@"<user>[^<]*</user>")] private static partial Regex UserRegex();
    [GeneratedRegex(@"<servicehelper>[^<]*</servicehelper>")] private static partial Regex ServiceHelperRegex();
    [GeneratedRegex(@"<pidfile>[^<]*</pidfile>")] private static partial Regex PidFileRegex();
    [GeneratedRegex(@"<listen>[^<]*</listen>")] private static partial Regex ListenRegex();

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
