using NetTui.Lab;
using NetTui.LabTests.Operations;

namespace NetTui.LabTests.Wizard;

/// <summary>
/// Two lab hosts, each a namespace with its own OVS (userspace datapath) and dockerd, joined
/// by an underlay veth phy-a/phy-b. As LAB-NOTES describes, each underlay end sits in an OVS
/// netdev bridge br-phy that carries the underlay address (10.10.0.1/24 on A, .2 on B): the
/// userspace GRE port sends its packets through br-phy. Made once for the class (dockerd
/// takes about 5 s per host to start).
/// </summary>
public sealed class TwoHostFixture : IAsyncLifetime
{
    public const string UnderlayA = "10.10.0.1";
    public const string UnderlayB = "10.10.0.2";

    internal OpsLab A { get; private set; } = null!;
    internal OpsLab B { get; private set; } = null!;
    public LabDocker DockerA => A.Docker!;
    public LabDocker DockerB => B.Docker!;

    public async ValueTask InitializeAsync()
    {
        A = await OpsLab.CreateAsync(ovs: true);
        B = await OpsLab.CreateAsync(ovs: true);
        await A.Host.ConnectAsync("phy-a", B.Host, "phy-b");
        await UnderlayAsync(A, "phy-a", UnderlayA + "/24");
        await UnderlayAsync(B, "phy-b", UnderlayB + "/24");
        await A.StartDockerAsync();
        await B.StartDockerAsync();
        await A.Host.WaitUntilSettledAsync();
        await B.Host.WaitUntilSettledAsync();
    }

    private static async Task UnderlayAsync(OpsLab lab, string phy, string address)
    {
        await lab.Ovs!.AddBridgeAsync("br-phy");
        await lab.Ovs.VsctlCheckedAsync("add-port", "br-phy", phy);
        await lab.Ip("addr", "add", address, "dev", "br-phy");
        await lab.Ip("link", "set", "br-phy", "up");
    }

    /// <summary>nettui ARGS against host <paramref name="lab"/> (its namespace, OVSDB and dockerd).</summary>
    internal static Task<ExecResult> NettuiAsync(OpsLab lab, params string[] args) =>
        NettuiCli.RunAsync(lab.Host.StateDir, lab.Docker!.ClientEnvironment, [.. args, "--netns", lab.Host.Name, "--ovs-db", lab.Ovs!.DbTarget]);

    public async ValueTask DisposeAsync()
    {
        // Hosts own their daemons: disposing a host stops its dockerd and OVS by pid, then removes the namespace.
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
    }
}
