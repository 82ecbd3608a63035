using System.CommandLine;

namespace NetTui.Cli;

/// <summary>
/// Options every verb understands (recursive on the root, so `nettui --netns X show` and
/// `nettui show --netns X` both work): which namespace and where the daemons' sockets are.
/// </summary>
public sealed class CommonOptions
{
    public Option<string?> Netns { get; } = new("--netns")
    {
        Description = "Look at (and act in) this network namespace (/run/netns/NAME)",
        HelpName = "NAME",
        Recursive = true,
    };

    public CommonOptions()
    {
        // The one --netns check, for every verb and the TUI: a parse error (exit 2, nothing run).
        Netns.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && NetTui.Core.Values.NetnsName.Refusal(r.Tokens[^1].Value) is { } why)
                r.AddError($"--netns: {why}");
        });
    }

    public Option<string?> OvsDb { get; } = new("--ovs-db")
    {
        Description = "OVSDB socket, e.g. unix:/var/run/openvswitch/db.sock (default: from OVS_RUNDIR)",
        HelpName = "unix:PATH",
        Recursive = true,
    };

    public Option<string?> DockerHost { get; } = new("--docker-host")
    {
        Description = "Docker API socket (default: DOCKER_HOST or unix:///var/run/docker.sock)",
        HelpName = "unix://PATH",
        Recursive = true,
    };

    public Option<string?> LogFile { get; } = new("--log-file")
    {
        Description = "Log file (default: NETTUI_LOG, /var/log/nettui/nettui.log as root, else the XDG state dir)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string?> History { get; } = new("--history")
    {
        Description = "History database (default: NETTUI_HISTORY, /var/lib/nettui/history.db as root, else the XDG state dir)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<bool> ReadOnly { get; } = new("--read-only")
    {
        Description = "Only look: refuse every verb that changes the network (exit 2); the TUI hides its forms",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Netns, OvsDb, DockerHost, LogFile, History, ReadOnly];
}
