using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Facts;
using NetTui.Host.Doctor;

namespace NetTui.UnitTests.Security;

/// <summary>The Doctor believes an OVS daemon only when root (or the service user) runs it and owns its sockets.</summary>
public class DaemonTrustTests
{
    private static readonly IReadOnlySet<uint> Trusted = new HashSet<uint> { 0, 105 };
    private static OvsDaemon Server(params string[] sockets) => new(42, "ovsdb-server", ["ovsdb-server"], [.. sockets], "/run/openvswitch/ovsdb-server.42.ctl");

    [Fact]
    public void Root_and_the_service_user_are_trusted()
    {
        Assert.Null(DaemonTrust.Judge(Server("/run/openvswitch/db.sock"), 0, Trusted, _ => 0).Distrust);
        Assert.Null(DaemonTrust.Judge(Server("/run/openvswitch/db.sock"), 105, Trusted, _ => 105).Distrust);
    }

    [Fact]
    public void Another_user_or_a_socket_of_another_user_is_not()
    {
        Assert.Contains("uid 1000", DaemonTrust.Judge(Server(), 1000, Trusted).Distrust, StringComparison.Ordinal);
        Assert.Contains("belongs to uid 1000", DaemonTrust.Judge(Server("/tmp/db.sock"), 0, Trusted, _ => 1000).Distrust, StringComparison.Ordinal);
        Assert.NotNull(DaemonTrust.Judge(Server(), null, Trusted).Distrust);
    }

    [Fact]
    public void An_untrusted_daemon_is_reported_with_no_fix()
    {
        var impostor = DaemonTrust.Judge(Server(), 1000, Trusted);
        var ovs = new OvsFacts(OvsInstall.Package, "/usr/sbin/ovsdb-server", OvsPaths.PackageDefaults, false, "/run/openvswitch/db.sock",
            SocketState.Missing, null, true, null, null, [], [], null, null) { Untrusted = [impostor] };
        var finding = Assert.Single(NetTui.Core.Doctor.Checks.OvsUntrustedDaemonCheck.Run(NetTui.UnitTests.Doctor.DoctorFixtures.Facts(ovs: ovs)));
        Assert.Equal($"{FindingIds.OvsUntrustedDaemon}:42", finding.Id);
        Assert.Null(finding.Fix);
    }
}
