using NetTui.Core.Model;
using NetTui.Lab;
using static NetTui.LabTests.DegradedHostFixture;

namespace NetTui.LabTests;

/// <summary>
/// A source that is down leaves the rest of the snapshot whole: with ovsdb-server stopped
/// and no dockerd on DOCKER_HOST, `nettui show` (tables and --json) still reports links and
/// routes, names each failure, and exits 0 (partial data is not a failure).
/// </summary>
public sealed class DegradedSourcesTests(DegradedHostFixture fixture) : IClassFixture<DegradedHostFixture>
{
    private LabHost H => fixture.Host;

    [Fact]
    public void While_ovsdb_server_ran_nettui_saw_the_ovs_bridge()
    {
        // Guards the test below: the failure there comes from stopping the server, not from a wrong --ovs-db.
        Assert.True(fixture.BeforeStop.Source(SourceKind.Ovs)!.Available, fixture.BeforeStop.Source(SourceKind.Ovs)!.Reason);
        Assert.Contains(fixture.BeforeStop.Ovs!.Bridges, b => b.Name == OvsBridgeName);
    }

    [Fact]
    public async Task With_ovsdb_server_stopped_json_has_links_and_routes_and_names_the_ovs_failure()
    {
        Assert.False(File.Exists(fixture.Ovs.DbSocket));
        var run = await NettuiCli.ShowAsync(H, fixture.Ovs.DbTarget, fixture.MissingDockerHost, json: true);
        var snap = NettuiCli.ParseSnapshot(run); // asserts exit code 0

        await AssertLinksAndRoutesAsync(snap);
        var ovs = snap.Source(SourceKind.Ovs);
        Assert.NotNull(ovs);
        Assert.False(ovs.Available);
        Assert.Contains("database connection failed", ovs.Reason);
        Assert.True(snap.Ovs is null || snap.Ovs.Bridges.IsEmpty);
        Assert.True(snap.Source(SourceKind.IpRoute2)!.Available);
    }

    [Fact]
    public async Task With_ovsdb_server_stopped_the_tables_show_links_and_routes_and_the_ovs_failure()
    {
        var run = await NettuiCli.ShowAsync(H, fixture.Ovs.DbTarget, fixture.MissingDockerHost, json: false);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains(Bridge, run.StandardOutput);
        Assert.Contains("vport1", run.StandardOutput);
        Assert.Contains(Address.Split('/')[0], run.StandardOutput);
        Assert.Contains(RouteDestination, run.StandardOutput);
        Assert.Contains("database connection failed", run.StandardOutput + run.StandardError);
    }

    [Fact]
    public async Task With_the_docker_socket_missing_json_has_links_and_routes_and_names_the_docker_failure()
    {
        var run = await NettuiCli.ShowAsync(H, fixture.Ovs.DbTarget, fixture.MissingDockerHost, json: true);
        var snap = NettuiCli.ParseSnapshot(run);

        await AssertLinksAndRoutesAsync(snap);
        var docker = snap.Source(SourceKind.Docker);
        Assert.NotNull(docker);
        Assert.False(docker.Available);
        var socket = fixture.MissingDockerHost["unix://".Length..];
        Assert.Contains(socket, docker.Reason);
        Assert.Contains("No such file or directory", docker.Reason);
        Assert.Empty(snap.Containers);
    }

    [Fact]
    public async Task With_the_docker_socket_missing_the_tables_show_links_and_routes_and_the_docker_failure()
    {
        var run = await NettuiCli.ShowAsync(H, fixture.Ovs.DbTarget, fixture.MissingDockerHost, json: false);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains(Bridge, run.StandardOutput);
        Assert.Contains(RouteDestination, run.StandardOutput);
        var dockerLine = run.StandardOutput.Split('\n').FirstOrDefault(l => l.Contains("Docker") && l.Contains(fixture.MissingDockerHost["unix://".Length..]));
        Assert.True(dockerLine is not null, "no line names the Docker failure:\n" + run.StandardOutput);
    }

    /// <summary>The links and routes nettui reports are the namespace's, as `ip` lists them.</summary>
    private async Task AssertLinksAndRoutesAsync(HostSnapshot snap)
    {
        var ipLinks = await H.IpJsonAsync("link", "show");
        Assert.Equal(ipLinks.Select(l => (string)l!["ifname"]!).Order(), snap.Links.Select(l => l.Name).Order());
        Assert.Contains(snap.FindLink(Bridge)!.Addresses, a => a.Cidr == Address);
        Assert.Equal(Bridge, snap.FindLink("vport1")!.Master);
        var ipRoutes = await H.IpJsonAsync("-4", "route", "show", "table", "all");
        var ip6Routes = await H.IpJsonAsync("-6", "route", "show", "table", "all");
        Assert.Equal(ipRoutes.Count + ip6Routes.Count, snap.Routes.Length);
        Assert.Contains(snap.Routes, r => r.Destination == RouteDestination && r.Device == Bridge && r.Table == "main");
    }
}
