using NetTui.Core.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>Kernel GRE (module type gre), GRETAP (no module type: a guarded `nmcli connection add`) and VXLAN (module, plus the properties it lacks).</summary>
public sealed class AnsibleTunnelMappingTests
{
    private static readonly Operation[] Ops =
    [
        new CreateIpTunnel("gt0", "gre", "10.10.0.2", "10.10.0.1", "42", "64"), new CreateIpTunnel("gtap0", "gretap", "10.10.0.3"),
        new CreateVxlan("vx0", "100", Remote: "10.10.0.2", DstPort: "4790", Underlay: "eth0") { Learning = false },
    ];

    [Fact]
    public void Gre_gretap_and_vxlan_match_the_golden_document() =>
        Assert.Equal(AnsibleDoc.Golden("tunnels"), AnsibleDoc.Render(Ops));

    [Fact]
    public void Every_command_is_guarded() => AnsibleDoc.AssertEveryCommandIsGuarded(Ops);
}
