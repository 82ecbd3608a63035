using NetTui.Core.Doctor;
using static NetTui.LabTests.Doctor.DoctorLab;

namespace NetTui.LabTests.Doctor;

/// <summary>The findings beyond OVS, made for real in a lab namespace (no OVS needed).</summary>
public sealed class HostDoctorLabTests
{
    [Fact]
    public async Task A_down_bridge_without_ports_is_named_and_brought_up()
    {
        await using var lab = await CreateAsync(withOvs: false);
        await lab.Host.CheckedAsync("ip", "link", "add", "brx", "type", "bridge");

        var doctor = lab.Doctor();
        var report = await doctor.DiagnoseAsync(TestContext.Current.CancellationToken);
        Named(report, "bridge-no-ports:brx");
        var down = Named(report, "bridge-down:brx");

        AssertResolved(await doctor.FixAsync(down, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        var link = (await lab.Host.IpJsonAsync("link", "show", "brx")).Single()!;
        Assert.Contains("UP", link["flags"]!.AsArray().Select(x => (string)x!));
    }

    [Fact]
    public async Task Onlink_routes_and_routes_via_an_inet6_gateway_are_not_named_unreachable()
    {
        // Issue 22: `onlink` says the gateway is on the device whatever its addresses, and an IPv4
        // route via an IPv6 gateway reaches it by neighbour discovery: neither is unreachable.
        // (Without onlink the kernel refuses an off-subnet gateway, and removes such routes with their address.)
        await using var lab = await CreateAsync(withOvs: false);
        await lab.Host.CheckedAsync("ip", "link", "add", "br0", "type", "bridge");
        await lab.Host.CheckedAsync("ip", "link", "set", "br0", "up");
        await lab.Host.CheckedAsync("ip", "addr", "add", "10.7.0.1/24", "dev", "br0");
        await lab.Host.CheckedAsync("ip", "route", "add", "10.9.0.0/24", "via", "10.6.0.1", "dev", "br0", "onlink");
        await lab.Host.CheckedAsync("ip", "route", "add", "10.8.0.0/24", "via", "10.7.0.254", "dev", "br0");
        await lab.Host.CheckedAsync("ip", "route", "add", "10.4.0.0/24", "via", "inet6", "fe80::1", "dev", "br0");

        var report = await lab.Doctor().DiagnoseAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(report.Findings, x => x.Id.StartsWith("route-gateway-unreachable:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_bridges_with_overlapping_subnets_are_named()
    {
        await using var lab = await CreateAsync(withOvs: false);
        foreach (var (br, cidr) in new[] { ("br1", "10.20.0.1/24"), ("br2", "10.20.0.129/25"), ("br3", "10.30.0.1/24") })
        {
            await lab.Host.CheckedAsync("ip", "link", "add", br, "type", "bridge");
            await lab.Host.CheckedAsync("ip", "addr", "add", cidr, "dev", br);
        }
        var report = await lab.Doctor().DiagnoseAsync(TestContext.Current.CancellationToken);
        Named(report, "bridge-subnets-overlap:br1+br2");
        Assert.DoesNotContain(report.Findings, x => x.Check == FindingIds.BridgeSubnetsOverlap && x.Id.Contains("br3"));
    }

    [Fact]
    public async Task Dockers_configured_bridge_missing_is_created_then_given_an_address()
    {
        await using var lab = await CreateAsync(withOvs: false);
        await File.WriteAllTextAsync(lab.DaemonJson, """{ "bridge": "brdock" }""", TestContext.Current.CancellationToken);

        var doctor = lab.Doctor();
        var missing = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), "docker-bridge-missing:brdock");
        var r = await doctor.FixAsync(missing, new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        AssertResolved(r);

        var noAddress = Named(r.After, "docker-bridge-no-address:brdock");
        AssertResolved(await doctor.FixAsync(noAddress, new Dictionary<string, string> { ["address"] = "192.168.77.1/24" }, TestContext.Current.CancellationToken));
        var addr = (await lab.Host.IpJsonAsync("addr", "show", "brdock")).Single()!;
        Assert.Contains(addr["addr_info"]!.AsArray(), a => (string)a!["local"]! == "192.168.77.1");
    }
}
