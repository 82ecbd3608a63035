using NetTui.Core.Reachability;
using NetTui.Host.Reachability;

namespace NetTui.UnitTests.Operations;

/// <summary>Which probes guard a change, from resolv.conf and SSH_CONNECTION as the host has them.</summary>
public sealed class ProbeTargetsTests
{
    [Fact]
    public void All_probes_from_resolv_conf_and_ssh_connection()
    {
        var resolv = "# generated\nsearch lab\nnameserver 10.0.0.53\nnameserver 127.0.0.53\nnameserver fe80::1%eth0\noptions edns0\n";
        var probes = ProbeTargets.From(ProbeKinds.All, resolv, "192.168.7.20 51122 192.168.7.1 22");
        Assert.Equal(["IPv4 default route", "IPv6 default route", "DNS server 10.0.0.53", "DNS server fe80::1", "SSH client 192.168.7.20"],
            probes.Select(p => p.Name));
        Assert.All(probes, p => Assert.Equal(p.Kind == ProbeKinds.Gateway, p.Ping));
    }

    [Theory]
    [InlineData("gateway,ssh", ProbeKinds.Gateway | ProbeKinds.Ssh)]
    [InlineData("none", ProbeKinds.None)]
    [InlineData("", ProbeKinds.All)]
    public void Probe_option(string text, ProbeKinds expected) => Assert.Equal(expected, ProbeChoice.Parse(text).Value);

    [Theory]
    [InlineData("gateway,ping")]
    [InlineData("none,dns")]
    public void Bad_probe_option_names_the_field(string text) => Assert.Equal("probe", ProbeChoice.Parse(text).Error?.Field);

    [Fact]
    public void No_ssh_session_no_ssh_probe() => Assert.Empty(ProbeTargets.From(ProbeKinds.Ssh, null, null));

    [Fact]
    public void Route_get_output_gives_gateway_and_device()
    {
        Assert.Equal(("10.77.0.1", "up0"), ReachabilityGuard.Parse("""[{"dst":"192.0.2.1","gateway":"10.77.0.1","dev":"up0","prefsrc":"10.77.0.2","flags":[],"uid":0,"cache":[]}]"""));
        Assert.Equal((null, "ppp0"), ReachabilityGuard.Parse("""[{"dst":"192.0.2.1","dev":"ppp0","flags":[]}]"""));
    }
}
