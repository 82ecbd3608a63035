using NetTui.Lab;

namespace NetTui.PackageTests;

/// <summary>
/// The .deb installs with apt on a minimal Debian 12 (debootstrap minbase: no .NET, no lab
/// packages), apt brings its Depends (iproute2), and the installed `nettui show --json`
/// reads a lab namespace from inside that root.
/// </summary>
public sealed class MinimalDebianTests
{
    [Fact]
    public async Task The_deb_installs_with_apt_on_minimal_debian_and_shows_a_lab_namespace()
    {
        var deb = PackageArtifacts.Deb;
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "ntl-md0", "type", "veth", "peer", "name", "ntl-md1");
        await host.CheckedAsync("ip", "link", "add", "ntl-mdbr", "type", "bridge");
        await host.CheckedAsync("ip", "link", "set", "ntl-md1", "master", "ntl-mdbr");

        await using var root = await DebianRoot.CreateAsync(Path.Combine(host.StateDir, "debian"));
        var before = await root.RunAsync(["sh", "-c", "command -v nettui ip dotnet; ls /usr/share/dotnet /usr/lib/dotnet 2>&1 | grep -c 'No such'"], TimeSpan.FromSeconds(30));
        Assert.Equal("2", before.StandardOutput.Trim()); // nothing of nettui, iproute2 or .NET there yet

        File.Copy(deb, Path.Combine(root.Dir, "tmp", Path.GetFileName(deb)));
        var update = await root.RunAsync(["apt-get", "update", "-q"], TimeSpan.FromMinutes(3));
        Assert.True(update.ExitCode == 0, $"apt-get update in the minimal root:\n{update.StandardOutput}\n{update.StandardError}");
        // Recommends left out to keep the test short: they are checked in DebPackageTests.
        var install = await root.RunAsync(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "--no-install-recommends", "/tmp/" + Path.GetFileName(deb)], TimeSpan.FromMinutes(4));
        Assert.True(install.ExitCode == 0, $"apt install ./{Path.GetFileName(deb)}:\n{install.StandardOutput}\n{install.StandardError}");

        var installed = await root.RunAsync(["sh", "-c", "dpkg-query -W -f='${Status}\\n' nettui iproute2; command -v nettui; command -v dotnet || echo no-dotnet"], TimeSpan.FromSeconds(30));
        Assert.Equal("install ok installed\ninstall ok installed\n/usr/bin/nettui\nno-dotnet", installed.StandardOutput.Trim());

        var show = await NettuiInRootAsync(host, root, "show", "--json");
        Assert.True(show.ExitCode == 0, $"nettui show --json in the minimal root: exit {show.ExitCode}\n{show.StandardError}");
        var links = NoDotnetTests.LinkNames(show.StandardOutput);
        Assert.Superset(new HashSet<string> { "lo", "ntl-md0", "ntl-md1", "ntl-mdbr" }, links);
        Assert.DoesNotContain("eth0", links);

        // The doctor's explanations are assets beside the binary: found through /usr/bin/nettui's link.
        var doctor = await NettuiInRootAsync(host, root, "doctor");
        Assert.Contains("bridge-down:ntl-mdbr", doctor.StandardOutput);
        Assert.Contains("Why: The bridge is administratively down", doctor.StandardOutput);
    }

    /// <summary>The root's installed nettui, run in the lab namespace, kept from the machine's daemons.</summary>
    private static Task<ExecResult> NettuiInRootAsync(LabHost host, DebianRoot root, params string[] args) =>
        LabExec.RunAsync(host.InNamespace(root.Chrooted([
            "env", "NETTUI_LOG=/tmp/nettui.log", "NETTUI_HISTORY=/tmp/history.db", "DOCKER_HOST=unix:///run/absent/docker.sock",
            "OVS_RUNDIR=/run/absent", "DBUS_SYSTEM_BUS_ADDRESS=unix:path=/run/absent/bus.sock", "nettui", .. args])), null, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
}
