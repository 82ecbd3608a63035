using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// A host whose sources fail the way they do in real life: OVS was running (a snapshot
/// taken then shows it) and ovsdb-server has since been stopped; DOCKER_HOST points at a
/// socket where no dockerd listens. Links and routes are there to be reported regardless.
/// </summary>
public sealed class DegradedHostFixture : IAsyncLifetime
{
    public const string Bridge = "br0";
    public const string Address = "192.168.100.1/24";
    public const string RouteDestination = "10.20.0.0/16";
    public const string OvsBridgeName = "ovsbr0";

    private LabHost? _host;
    public LabHost Host => _host ?? throw new InvalidOperationException("not built");
    public LabOvs Ovs { get; private set; } = null!;
    /// <summary>A Docker socket path that does not exist.</summary>
    public string MissingDockerHost => "unix://" + Path.Combine(Host.StateDir, "no-dockerd", "docker.sock");
    /// <summary>`nettui show --json` while ovsdb-server was still running.</summary>
    public HostSnapshot BeforeStop { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await LabHost.CreateAsync();
        await Host.CheckedAsync("ip", "link", "add", Bridge, "type", "bridge", "stp_state", "0");
        await Host.CheckedAsync("ip", "link", "add", "vport1", "type", "veth", "peer", "name", "vpeer1");
        await Host.CheckedAsync("ip", "link", "set", "vport1", "master", Bridge);
        foreach (var l in new[] { "vport1", "vpeer1", Bridge })
            await Host.CheckedAsync("ip", "link", "set", l, "up");
        await Host.CheckedAsync("ip", "addr", "add", Address, "dev", Bridge);
        await Host.CheckedAsync("ip", "route", "add", RouteDestination, "via", "192.168.100.254", "dev", Bridge);
        await Host.WaitUntilSettledAsync();

        Ovs = await LabOvs.StartAsync(Host);
        await Ovs.AddBridgeAsync(OvsBridgeName);
        BeforeStop = NettuiCli.ParseSnapshot(await NettuiCli.ShowAsync(Host, Ovs.DbTarget, MissingDockerHost, json: true));
        await Ovs.StopServerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
