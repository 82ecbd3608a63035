using NetTui.Lab;

namespace NetTui.LabTests.Security;

/// <summary>
/// A hostile local user against root NetTui, for real: an interface alias full of escape
/// sequences in a lab namespace, a journal link planted by nobody, a change run as nobody.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostileHostLabTests
{
    private const string HostileAlias = "\u001b]0;owned\u0007\u001b[2J\u009b31m\u0001";

    [Fact]
    public async Task An_alias_with_control_characters_does_not_blind_show()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "name", "brx", "type", "bridge");
        await host.CheckedAsync("ip", "addr", "add", "10.77.0.1/24", "dev", "brx");
        await host.CheckedAsync("ip", "link", "set", "dev", "brx", "up");
        await host.CheckedAsync("ip", "link", "set", "dev", "brx", "alias", HostileAlias);
        var raw = await host.CheckedAsync("ip", "-j", "-d", "link", "show");
        Assert.Contains('\u001b', raw.StandardOutput); // iproute2 really prints it raw

        foreach (var part in new[] { "links", "bridges", "routes", "all" })
        {
            var run = await NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string>(), "show", part, "--netns", host.Name);
            Assert.True(run.ExitCode == 0, $"show {part}: {run.StandardError}");
            Assert.Contains("brx", run.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', run.StandardOutput);
        }
        var json = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string>(), "show", "all", "--json", "--netns", host.Name));
        Assert.NotNull(json.FindLink("brx"));
        Assert.Contains(json.Routes, r => r.Device == "brx");
    }

    [Fact]
    public async Task A_change_run_as_nobody_is_refused_up_front_and_journals_nothing()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "plays nobody against root");
        await using var host = await LabHost.CreateAsync();
        var env = NettuiCli.Environment(host.StateDir, new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = host.StateDir, ["HOME"] = host.StateDir });
        var run = await LabExec.RunAsync(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", .. NettuiCli.Command, "bridge", "add", "brq", "--netns", host.Name],
            env, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs root (or CAP_NET_ADMIN)", run.StandardError, StringComparison.Ordinal);
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.False(File.Exists(env["NETTUI_HISTORY"]));
        Assert.False((await host.RunAsync("ip", "link", "show", "dev", "brq")).Succeeded);
    }

    [Fact]
    public async Task A_journal_link_planted_by_nobody_is_refused_in_one_line_and_nothing_changes()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "plays nobody against root");
        await using var host = await LabHost.CreateAsync();
        var shared = Directory.CreateTempSubdirectory("nettui-sec-lab-");
        try
        {
            File.SetUnixFileMode(shared.FullName, (UnixFileMode)Convert.ToInt32("1777", 8));
            var victim = Path.Combine(host.StateDir, "victim");
            await File.WriteAllTextAsync(victim, "keep", TestContext.Current.CancellationToken);
            var history = Path.Combine(shared.FullName, "history.db");
            Assert.True((await LabExec.RunAsync("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "ln", "-s", victim, history)).Succeeded);

            var run = await NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string> { ["NETTUI_HISTORY"] = history },
                "bridge", "add", "brj", "--netns", host.Name);
            Assert.Equal(1, run.ExitCode); // a journal that cannot be used: exit 1, like every bad journal (issue 14)
            Assert.Contains(shared.FullName, run.StandardError, StringComparison.Ordinal); // the directory nobody could plant in
            Assert.Single(run.StandardError.Trim().Split('\n'));
            Assert.Equal("keep", await File.ReadAllTextAsync(victim, TestContext.Current.CancellationToken));
            Assert.False((await host.RunAsync("ip", "link", "show", "dev", "brj")).Succeeded);
        }
        finally { shared.Delete(true); }
    }
}

/// <summary>A user's own program named ovsdb-server in the namespace: the Doctor reports it and offers it no fix.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ImpostorDaemonLabTests
{
    [Fact]
    public async Task A_fake_ovsdb_server_run_by_nobody_is_reported_as_untrusted_with_no_fix()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "plays nobody against root");
        await using var lab = await NetTui.LabTests.Doctor.DoctorLab.CreateAsync();
        var fake = Path.Combine(lab.Host.StateDir, "ovsdb-server");
        File.Copy("/bin/sleep", fake);
        File.SetUnixFileMode(fake, (UnixFileMode)Convert.ToInt32("755", 8));
        var psi = new System.Diagnostics.ProcessStartInfo("nsenter") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[$"--net={lab.Host.NetnsPath}", "--", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", fake, "300"])
            psi.ArgumentList.Add(a);
        using var impostor = System.Diagnostics.Process.Start(psi)!;
        try
        {
            await LabWait.UntilAsync("the fake ovsdb-server to start",
                () => Task.FromResult(File.Exists($"/proc/{impostor.Id}/comm") && File.ReadAllText($"/proc/{impostor.Id}/comm").Trim() == "ovsdb-server"),
                TimeSpan.FromSeconds(5));
            var env = lab.OvsEnvironment()
                .Add("DOCKER_HOST", "unix://" + Path.Combine(lab.Host.StateDir, "absent.sock"))
                .Add("NETTUI_HISTORY", Path.Combine(lab.Host.StateDir, "history.db"));
            var run = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["doctor", "--netns", lab.Host.Name, "--ovs-db", lab.Ovs!.DbTarget,
                "--docker-config", lab.DaemonJson, "--boot-script", Path.Combine(lab.Host.StateDir, "rc.local"), "--json"]);
            using var doc = System.Text.Json.JsonDocument.Parse(run.StandardOutput);
            var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
            var untrusted = Assert.Single(findings, f => f.GetProperty("id").GetString() == $"{NetTui.Core.Doctor.FindingIds.OvsUntrustedDaemon}:{impostor.Id}");
            Assert.Contains("uid 65534", untrusted.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.False(untrusted.TryGetProperty("fix", out var fix) && fix.ValueKind != System.Text.Json.JsonValueKind.Null);
            // The real server is still the one the Doctor believes.
            Assert.DoesNotContain(impostor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                doc.RootElement.GetProperty("facts").GetProperty("ovs").GetProperty("servers").GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            impostor.Kill();
            await impostor.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }
}
