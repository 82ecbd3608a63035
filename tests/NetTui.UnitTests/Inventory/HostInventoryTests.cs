using NetTui.Core.Model;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Inventory.Ovs;

namespace NetTui.UnitTests.Inventory;

/// <summary>Composition and degradation: each source fails on its own, the rest stays whole.</summary>
public class HostInventoryTests
{
    private const string MissingSocket = "unix:///nonexistent/nettui-test/docker.sock";
    private static readonly InventoryOptions Options = new(null, MissingSocket, "unix:path=/nonexistent/bus");

    private static OvsReader Ovs(FakeCommandRunner r) => new(r);

    private static Task<HostSnapshot> Read(FakeCommandRunner runner, InventoryParts parts = InventoryParts.All) =>
        new HostInventory(runner, Options).ReadAsync(parts, TestContext.Current.CancellationToken);

    [Fact]
    public async Task All_sources_up_gives_a_whole_snapshot_with_ovs_internal_taps()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Answer(Ovs(runner).Command, Fixtures.Read("ovs/list-all.json"));
        var s = await Read(runner);

        Assert.Equal(19, s.Links.Length);
        Assert.Equal(2, s.Bridges.Length);
        Assert.Equal(40, s.Routes.Length);
        Assert.Equal(2, s.Ovs!.Bridges.Length);
        Assert.True(s.Source(SourceKind.IpRoute2)!.Available);
        Assert.True(s.Source(SourceKind.Ovs)!.Available);
        Assert.Equal(LinkKind.OvsInternal, s.FindLink("obr0")!.Kind);
        Assert.Equal(LinkKind.OvsInternal, s.FindLink("p5")!.Kind);
        Assert.Equal(LinkKind.Tap, s.FindLink("tap7")!.Kind);
        Assert.Equal(LinkKind.Tap, s.FindLink("ovs-netdev")!.Kind); // the datapath's own tap is no interface of OVSDB
        Assert.Equal("weave", s.FindLink("weave")!.Label);
        Assert.Equal("weave", s.FindLink("vethwe-bridge")!.Label);
        Assert.Equal("weave", s.FindLink("vethwe-datapath")!.Label);
        Assert.Null(s.FindLink("br0")!.Label);
    }

    [Fact]
    public async Task Missing_ovs_vsctl_is_named_and_links_stay_whole()
    {
        var runner = FakeCommandRunner.WithIpFixtures(); // no answer for ovs-vsctl: "not found"
        var s = await Read(runner);
        var ovs = s.Source(SourceKind.Ovs)!;
        Assert.False(ovs.Available);
        Assert.Equal("ovs-vsctl not installed", ovs.Reason);
        Assert.Null(s.Ovs);
        Assert.Equal(19, s.Links.Length);
        Assert.Equal(40, s.Routes.Length);
        Assert.Equal(LinkKind.Tap, s.FindLink("obr0")!.Kind); // without OVS it is just a tap
    }

    [Fact]
    public async Task Ovs_database_failure_reason_is_the_tools_message()
    {
        const string message = "ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (No such file or directory)";
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Fail(Ovs(runner).Command, 1, message + "\n");
        var s = await Read(runner);
        Assert.Equal(message, s.Source(SourceKind.Ovs)!.Reason);
        Assert.Equal(2, s.Bridges.Length);
    }

    [Fact]
    public async Task Ovs_timeout_is_reported_without_hanging()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Throw(Ovs(runner).Command, spec => new CommandTimeoutException(spec));
        var s = await Read(runner, InventoryParts.Ovs | InventoryParts.Routes);
        Assert.Equal("ovs-vsctl did not answer within 8 s", s.Source(SourceKind.Ovs)!.Reason);
        Assert.Equal(40, s.Routes.Length);
    }

    [Fact]
    public async Task Ip_route_failure_makes_iproute2_down_but_ovs_whole()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Answer(Ovs(runner).Command, Fixtures.Read("ovs/list-all.json"));
        runner.Throw(IpRoute2Reader.Route6Show, spec => new CommandTimeoutException(spec));
        var s = await Read(runner);
        var ip = s.Source(SourceKind.IpRoute2)!;
        Assert.False(ip.Available);
        Assert.Equal("ip did not answer within 10 s", ip.Reason);
        Assert.Empty(s.Routes);
        Assert.Equal(19, s.Links.Length);
        Assert.Equal(2, s.Ovs!.Bridges.Length);
    }

    [Fact]
    public async Task Failing_ip_link_in_a_namespace_reports_nsenters_message()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Fail(IpRoute2Reader.LinkShow, 1, "nsenter: cannot open /run/netns/gone: No such file or directory\n");
        var s = await Read(runner, InventoryParts.Links);
        Assert.Equal("nsenter: cannot open /run/netns/gone: No such file or directory", s.Source(SourceKind.IpRoute2)!.Reason);
        Assert.Empty(s.Links);
    }

    [Fact]
    public async Task Missing_bridge_tool_only_loses_port_states()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Throw(IpRoute2Reader.BridgeLinkShow, spec => new CommandNotFoundException("bridge", new System.ComponentModel.Win32Exception(2)));
        var s = await Read(runner, InventoryParts.Bridges);
        var ip = s.Source(SourceKind.IpRoute2)!;
        Assert.True(ip.Available);
        Assert.Equal("bridge not installed", ip.Reason);
        Assert.All(s.Bridges.Single(b => b.Name == "br0").Ports, p => Assert.Equal("unknown", p.State));
    }

    [Fact]
    public async Task Missing_docker_socket_is_named()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        var s = await Read(runner, InventoryParts.Containers);
        var docker = s.Source(SourceKind.Docker)!;
        Assert.False(docker.Available);
        Assert.Equal($"Docker: cannot connect to {MissingSocket} (No such file or directory)", docker.Reason);
        Assert.Empty(s.Containers);
        Assert.True(s.Source(SourceKind.IpRoute2)!.Available);
    }

    [Fact]
    public async Task Only_requested_parts_are_read()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        var s = await Read(runner, InventoryParts.Routes);
        Assert.Equal(40, s.Routes.Length);
        Assert.Empty(s.Links);
        // Routes, and the policy rules and nexthop objects read with them.
        Assert.All(runner.Ran, spec => Assert.True(spec.Arguments.Intersect(["route", "rule", "nexthop"]).Any(), spec.Display));
        Assert.Null(s.Source(SourceKind.Ovs));
        Assert.Null(s.Source(SourceKind.NetworkManager));
    }

    /// <summary>What a live link event costs (issue 9): the link side of iproute2 and the one OVS list
    /// (it tells OVS internal taps apart); never the route dumps, Docker or NetworkManager.</summary>
    [Fact]
    public async Task A_links_and_bridges_read_runs_no_route_docker_or_networkmanager_query()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        var s = await Read(runner, InventoryParts.Links | InventoryParts.Bridges);
        Assert.NotEmpty(s.Links);
        Assert.Empty(s.Routes);
        Assert.DoesNotContain(runner.Ran, spec => spec.Arguments.Contains("route"));
        Assert.All(runner.Ran, spec => Assert.Contains(spec.Program, new[] { "ip", "bridge", "ovs-vsctl" }));
        Assert.Single(runner.Ran, spec => spec.Program == "ovs-vsctl");
        Assert.Null(s.Source(SourceKind.Docker));
        Assert.Null(s.Source(SourceKind.NetworkManager));
    }

    [Fact]
    public async Task Everything_but_routes_still_probes_networkmanager()
    {
        var s = await Read(FakeCommandRunner.WithIpFixtures(), InventoryParts.All & ~InventoryParts.Routes);
        Assert.NotNull(s.Source(SourceKind.NetworkManager));
        Assert.Empty(s.Routes);
    }

    [Fact]
    public async Task Ovs_runs_outside_the_namespace_with_the_given_database()
    {
        var reader = new OvsReader(new FakeCommandRunner(), "unix:/tmp/x/db.sock");
        Assert.False(reader.Command.InTargetNamespace);
        Assert.Contains("--db=unix:/tmp/x/db.sock", reader.Command.Arguments);
        Assert.Contains("--timeout=5", reader.Command.Arguments);
        Assert.Contains("--format=json", reader.Command.Arguments);
        // A read must not wait for ovs-vswitchd nor insert the root record.
        Assert.Equal("--no-wait", reader.Command.Arguments[0]);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Garbage_output_is_a_parse_reason_and_the_rest_stays_whole()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Answer(Ovs(runner).Command, "{\"data\": 5}\n");
        runner.Answer(IpRoute2Reader.LinkShow, "[{\"ifindex\": \"two\"");
        var s = await Read(runner, InventoryParts.Links | InventoryParts.Ovs);
        Assert.StartsWith("cannot parse ip output", s.Source(SourceKind.IpRoute2)!.Reason);
        Assert.StartsWith("cannot parse ovs-vsctl output", s.Source(SourceKind.Ovs)!.Reason);
        Assert.Empty(s.Links);
    }

    [Theory]
    [InlineData("2026-11-28T08:05:25Z|00001|fatal_signal|WARN|terminating with signal 14 (Alarm clock)", "unix:/x/db.sock",
        "ovs-vsctl: the database (unix:/x/db.sock) did not answer within 5 s")]
    [InlineData("ovs-vsctl: unix:/x/db.sock: database connection failed (Connection refused)", "unix:/x/db.sock",
        "ovs-vsctl: unix:/x/db.sock: database connection failed (Connection refused)")]
    public void Ovs_failures_are_explained(string failure, string? db, string expected) =>
        Assert.Equal(expected, OvsReader.Explain(failure, db));
}
