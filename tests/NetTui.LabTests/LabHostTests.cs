using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>The lab's own promises: a host is a real namespace, and it is gone after disposal.</summary>
public sealed class LabHostTests
{
    [Fact]
    public async Task A_host_is_a_namespace_with_loopback_up_and_disposal_removes_it()
    {
        string name, dir;
        await using (var host = await LabHost.CreateAsync())
        {
            name = host.Name;
            dir = host.StateDir;
            Assert.StartsWith(LabPaths.Prefix, name);
            Assert.Contains(name, await LabSweep.ListNamespacesAsync());
            Assert.True(Directory.Exists(dir));

            var links = await host.IpJsonAsync("link", "show");
            var lo = Assert.Single(links);
            Assert.Equal("lo", (string?)lo!["ifname"]);
            Assert.Contains("UP", lo["flags"]!.AsArray().Select(f => (string?)f));
            // The namespace really is another one: the root's links are not visible inside.
            var listing = await host.CheckedAsync("ip", "-o", "link", "show");
            Assert.DoesNotContain("eth0", listing.StandardOutput);
        }
        Assert.DoesNotContain(name, await LabSweep.ListNamespacesAsync());
        Assert.False(Directory.Exists(dir));
        Assert.False(File.Exists($"/run/netns/{name}"));
    }

    [Fact]
    public async Task Two_hosts_joined_by_a_veth_ping_each_other()
    {
        await using var a = await LabHost.CreateAsync();
        await using var b = await LabHost.CreateAsync();
        await a.ConnectAsync("to-b", b, "to-a");
        await a.CheckedAsync("ip", "addr", "add", "10.99.0.1/24", "dev", "to-b");
        await b.CheckedAsync("ip", "addr", "add", "10.99.0.2/24", "dev", "to-a");

        var ping = await a.RunAsync("ping", "-c", "1", "-W", "5", "10.99.0.2");
        Assert.True(ping.Succeeded, ping.StandardOutput + ping.StandardError);

        // The peer end really lives in b: a sees it only through the link-netnsid.
        var toB = Assert.Single(await a.IpJsonAsync("-d", "link", "show", "to-b"));
        Assert.NotNull(toB!["link_netnsid"]);
    }

    [Fact]
    public async Task The_sweep_removes_a_namespace_whose_owner_is_gone_and_keeps_live_ones()
    {
        await using var live = await LabHost.CreateAsync();
        // Simulate a killed run: a namespace and state dir whose owner pid no longer exists.
        var stale = LabPaths.NewName();
        Directory.CreateDirectory(LabPaths.StateDir(stale));
        await File.WriteAllTextAsync(LabPaths.OwnerFile(stale), int.MaxValue.ToString(), TestContext.Current.CancellationToken);
        await LabExec.CheckedAsync("ip", "netns", "add", stale);
        await LabExec.CheckedAsync("ip", "-n", stale, "link", "add", "sv0", "type", "veth", "peer", "name", "sv1");
        // A daemon the killed run left running in its namespace (pid file in the state dir).
        var marker = Path.Combine(LabPaths.StateDir(stale), "daemon-input");
        await File.WriteAllTextAsync(marker, "", TestContext.Current.CancellationToken);
        var orphan = LabDaemon.Start("orphan", LabPaths.StateDir(stale), ["nsenter", $"--net=/run/netns/{stale}", "tail", "-f", marker]);
        await LabWait.UntilAsync("the orphan to run", () => Task.FromResult(LabSignals.IsAlive(orphan.Pid)), TimeSpan.FromSeconds(5));

        var removed = await LabSweep.SweepStaleAsync();

        Assert.Contains(stale, removed);
        Assert.DoesNotContain(live.Name, removed);
        var now = await LabSweep.ListNamespacesAsync();
        Assert.DoesNotContain(stale, now);
        Assert.Contains(live.Name, now);
        Assert.False(Directory.Exists(LabPaths.StateDir(stale)));
        Assert.False(LabSignals.IsAlive(orphan.Pid));
        Assert.True(LabSignals.IsAlive(Environment.ProcessId));
    }
}
