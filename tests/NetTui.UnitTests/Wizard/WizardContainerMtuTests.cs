using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Wizard;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Wizard;

/// <summary>
/// The MTU trap: containers keep Docker's 1500 while the tunnel carries 1462 (GRE) or 1450
/// (VXLAN). With --docker-bridge both plans also set daemon.json "mtu" and say so; without
/// it, the message says what the containers need.
/// </summary>
public sealed class WizardContainerMtuTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TunnelWizardInput Docker = TunnelWizardTests.Input with { DockerBridge = true, DaemonJsonPath = "/a/daemon.json", PeerDaemonJsonPath = "/b/daemon.json" };

    [Theory]
    [InlineData(TunnelKind.OvsGre, null, "1462")]
    [InlineData(TunnelKind.Gretap, null, "1462")]
    [InlineData(TunnelKind.Vxlan, "42", "1450")]
    [InlineData(TunnelKind.OvsVxlan, "42", "1450")]
    [InlineData(TunnelKind.Gre, null, "1476")]
    public void Both_plans_set_docker_mtu_to_the_tunnel_mtu_and_say_so(TunnelKind kind, string? key, string mtu)
    {
        var r = TunnelWizard.Plan(Docker with { Kind = kind, Key = key }, TunnelWizardTests.Host("10.10.0.1"), Now);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new SetDockerMtu(mtu, "/a/daemon.json"), r.Local!.Operations[^1]);
        Assert.Equal(new SetDockerMtu(mtu, "/b/daemon.json"), r.Peer!.Operations[^1]);
        Assert.Contains(r.Messages, m => m.StartsWith("Docker: daemon.json gets \"mtu\": " + mtu, StringComparison.Ordinal) && m.Contains("restart dockerd", StringComparison.Ordinal));
        Assert.Contains(r.Peer.Messages, m => m.StartsWith("Docker: daemon.json gets \"mtu\": " + mtu, StringComparison.Ordinal));
        // Step by step on the simulated host: the mtu write comes after the bridge write and keeps it.
        var ctx = OperationContext.Default.WithFile("/a/daemon.json", "{\"log-level\":\"warn\"}");
        Assert.True(PlanValidator.Check(r.Local.Operations, TunnelWizardTests.Host("10.10.0.1"), ctx).Ok);
    }

    [Fact]
    public void The_daemon_json_write_keeps_other_keys_and_mtu_is_a_number()
    {
        var op = new SetDockerMtu("1462", "/a/daemon.json");
        var ctx = OperationContext.Default.WithFile("/a/daemon.json", "{\"bridge\":\"br0\",\"log-level\":\"warn\"}");
        var step = Assert.IsType<FileWriteStep>(Assert.Single(op.Plan(TestHost.Basic(), ctx)));
        Assert.Contains("\"mtu\": 1462", step.Content, StringComparison.Ordinal);
        Assert.Equal("br0", DaemonJson.Get(step.Content, "bridge"));
    }

    [Fact]
    public void Without_docker_bridge_daemon_json_is_left_alone_and_the_message_says_what_containers_need()
    {
        var r = TunnelWizard.Plan(TunnelWizardTests.Input, TunnelWizardTests.Host("10.10.0.1"), Now);
        Assert.DoesNotContain(r.Local!.Operations, o => o is SetDockerMtu or SetDockerDefaultBridge);
        Assert.Contains(r.Messages, m => m.Contains("need MTU 1462, not Docker's 1500", StringComparison.Ordinal)
            && m.Contains("com.docker.network.driver.mtu=1462", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reused_bridge_with_mtu_1500_is_lowered_to_the_tunnel_mtu()
    {
        var host = TunnelWizardTests.Host("10.10.0.1").WithBridge("br0", false, "192.168.1.1/24");
        var r = TunnelWizard.Plan(Docker, host, Now);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new SetMtu("br0", "1462"), r.Local!.Operations[0]);
        Assert.Contains(r.Messages, m => m == "br0 has MTU 1500: the plan lowers it to 1462 to fit the tunnel");
        Assert.DoesNotContain(r.Peer!.Operations, o => o is SetMtu { Interface: "br0" });
    }
}
