using System.Text.Json.Nodes;
using NetTui.Lab;

namespace NetTui.PackageTests;

/// <summary>
/// The installed native nettui runs on a host with no .NET at all: installed by the same
/// script as install.sh (packaging/install-tree.sh) and run with every .NET install hidden,
/// it prints its version and help and reads a lab namespace as JSON.
/// </summary>
public sealed class NoDotnetTests
{
    [Fact]
    public async Task The_installed_binary_runs_with_every_dotnet_install_hidden()
    {
        var hidden = NoDotnetShell.DotnetDirectories();
        var sdk = NoDotnetShell.RealDotnetDirectory();
        Assert.NotNull(sdk); // the tests themselves run on .NET: it must be found here to be hidden
        Assert.Contains(Path.GetFullPath(sdk), hidden);

        await using var host = await LabHost.CreateAsync();
        var prefix = Path.Combine(host.StateDir, "install");
        (await LabExec.RunAsync(["bash", Path.Combine(PackageArtifacts.RepoRoot, "packaging/install-tree.sh"), PackageArtifacts.NativeDir, prefix, "/usr/local"], null, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).EnsureSuccess();
        var nettui = Path.Combine(prefix, "usr/local/bin/nettui");
        await host.CheckedAsync("ip", "link", "add", "ntl-nd0", "type", "veth", "peer", "name", "ntl-nd1");
        await host.CheckedAsync("ip", "link", "add", "ntl-ndbr", "type", "bridge");
        await host.CheckedAsync("ip", "link", "set", "ntl-nd0", "master", "ntl-ndbr");

        // Outside, dotnet runs; inside, it is gone (the check that the hiding works at all).
        Assert.True((await LabExec.RunAsync("sh", "-c", "dotnet --version")).Succeeded);
        var probe = await NoDotnetShell.RunAsync(hidden, ["sh", "-c", "dotnet --info; echo \"dotnet exit $?\"; ls -A " + string.Join(' ', hidden) + " | grep -v ':$' | grep -c . || true"]);
        Assert.True(probe.ExitCode == 0, probe.StandardError);
        Assert.Contains("dotnet exit 127", probe.StandardOutput);
        Assert.EndsWith("\n0", probe.StandardOutput.TrimEnd()); // every hidden directory is empty

        var version = await NoDotnetShell.RunAsync(hidden, [nettui, "--version"]);
        Assert.True(version.ExitCode == 0, $"nettui --version without .NET: exit {version.ExitCode}\n{version.StandardError}");
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StandardOutput);

        var help = await NoDotnetShell.RunAsync(hidden, [nettui, "--help"]);
        Assert.True(help.ExitCode == 0, help.StandardError);
        Assert.Contains("show", help.StandardOutput);
        Assert.Contains("--netns", help.StandardOutput);

        var env = new Dictionary<string, string>
        {
            ["NETTUI_LOG"] = Path.Combine(host.StateDir, "nettui.log"),
            ["NETTUI_HISTORY"] = Path.Combine(host.StateDir, "history.db"),
            ["DOCKER_HOST"] = "unix://" + Path.Combine(host.StateDir, "absent/docker.sock"),
            ["OVS_RUNDIR"] = Path.Combine(host.StateDir, "absent"),
            ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=" + Path.Combine(host.StateDir, "absent/bus.sock"),
        };
        var show = await NoDotnetShell.RunAsync(hidden, [nettui, "show", "--json", "--netns", host.Name], env);
        Assert.True(show.ExitCode == 0, $"nettui show --json without .NET: exit {show.ExitCode}\n{show.StandardError}");
        var links = LinkNames(show.StandardOutput);
        Assert.Superset(new HashSet<string> { "lo", "ntl-nd0", "ntl-nd1", "ntl-ndbr" }, links);
        Assert.DoesNotContain("eth0", links); // the lab's namespace, not the machine's
    }

    /// <summary>The names in a snapshot's "links" array.</summary>
    internal static HashSet<string> LinkNames(string json)
    {
        var links = JsonNode.Parse(json)?["links"]?.AsArray() ?? throw new InvalidOperationException("no links array in: " + json[..Math.Min(300, json.Length)]);
        return [.. links.Select(l => (string?)l!["name"]).OfType<string>()];
    }
}
