using System.Text.Json.Nodes;
using NetTui.Lab;
using NetTui.LabTests.Persistence;

namespace NetTui.LabTests.Ansible;

/// <summary>
/// `nettui export ansible` run by real Ansible (Debian's ansible-playbook, community.general.nmcli,
/// openvswitch.openvswitch) inside a lab namespace with NetworkManager on its private bus and
/// its own OVS, against `nettui apply` of the same plan on a second namespace.
/// </summary>
public sealed class AnsibleExportLabTests
{
    private const string Plan = """
        {
          "schema": "nettui.plan/v1",
          "metadata": { "createdBy": "test", "description": "bridge, veth port, OVS GRE and VXLAN, routes" },
          "operations": [
            { "op": "bridge.add", "name": "br0", "address": "192.168.1.1/24", "mtu": "1462" },
            { "op": "bridge.attach", "bridge": "br0", "interface": "v1" },
            { "op": "ovs.bridge.add", "name": "obr0", "datapath": "netdev" },
            { "op": "ovs.gre.add", "bridge": "obr0", "port": "gre0", "remote": "10.10.0.2", "key": "7" },
            { "op": "ovs.vxlan.add", "bridge": "obr0", "port": "vxo0", "remote": "10.10.0.3", "key": "42" },
            { "op": "bridge.attach", "bridge": "br0", "interface": "obr0" },
            { "op": "link.mtu", "interface": "obr0", "mtu": "1462" },
            { "op": "link.state", "interface": "obr0", "up": true },
            { "op": "route.add", "destination": "192.168.2.0/24", "dev": "br0" },
            { "op": "route.add", "destination": "10.20.0.0/16", "via": "192.168.1.254" }
          ]
        }
        """;

    [Fact]
    public async Task Playbook_makes_what_apply_makes_then_changes_nothing_and_check_changes_nothing()
    {
        await using var x = await PersistLab.CreateAsync();
        await using var y = await PersistLab.CreateAsync();
        var ovsX = await LabOvs.StartAsync(x.Host);
        var ovsY = await LabOvs.StartAsync(y.Host);
        await x.VethAsync("v1", "v1p");
        await y.VethAsync("v1", "v1p");

        var plan = Path.Combine(x.Host.StateDir, "fleet.plan.json");
        await File.WriteAllTextAsync(plan, Plan, TestContext.Current.CancellationToken);
        File.SetUnixFileMode(plan, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var outDir = Path.Combine(x.Host.StateDir, "export");
        var export = await NettuiCli.RunAsync(x.Host.StateDir, new Dictionary<string, string>(), "export", "ansible", plan, "--out", outDir);
        Assert.True(export.ExitCode == 0, export.StandardError);
        var playbook = Path.Combine(outDir, "playbook.yml");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(playbook));
        var vars = AnsibleRun.Vars(x.Nm.BusAddress, ovsX);

        // --check: reports the changes, makes none.
        var check = await AnsibleRun.PlaybookAsync(x.Host, playbook, vars, "--check");
        Assert.True(check.ExitCode == 0 && check.Changed > 0, check.ToString());
        Assert.False(await x.ProfileExistsAsync("nettui-br0"), "--check saved a profile:\n" + check);
        Assert.Empty(await x.Host.IpJsonAsync("link", "show", "type", "bridge"));
        Assert.DoesNotContain("obr0", (await ovsX.VsctlCheckedAsync("list-br")).StandardOutput, StringComparison.Ordinal);

        var first = await AnsibleRun.PlaybookAsync(x.Host, playbook, vars);
        Assert.True(first.ExitCode == 0 && first.Failed == 0 && first.Changed > 0, first.ToString());
        var second = await AnsibleRun.PlaybookAsync(x.Host, playbook, vars);
        Assert.True(second.ExitCode == 0 && second.Changed == 0, "second run changed something:\n" + second);

        var env = new Dictionary<string, string>(y.Nm.ClientEnvironment);
        var apply = await NettuiCli.RunAsync(y.Host.StateDir, env, "apply", plan, "--netns", y.Host.Name, "--ovs-db", ovsY.DbTarget);
        Assert.True(apply.ExitCode == 0, apply.StandardError + apply.StandardOutput);

        await x.WaitForAddressAsync("br0", "192.168.1.1/24");
        var shapeX = AnsibleRun.Shape(NettuiCli.ParseSnapshot(await NettuiCli.ShowAsync(x.Host, ovsX.DbTarget, "unix:///nonexistent", json: true)));
        var shapeY = AnsibleRun.Shape(NettuiCli.ParseSnapshot(await NettuiCli.ShowAsync(y.Host, ovsY.DbTarget, "unix:///nonexistent", json: true)));
        Assert.Equal(string.Join("\n", shapeY), string.Join("\n", shapeX));
        Assert.Contains("  port gre0 iface gre0 type=gre options=key=7,remote_ip=10.10.0.2 error=", shapeX);
        Assert.Contains("link obr0 OvsInternal master=br0 mtu=1462 up=True", shapeX);
        // The bridge is NetworkManager's on both: saved, not runtime only.
        Assert.True(await x.ProfileExistsAsync("nettui-br0"));

        // --from-host: what `nettui apply` built on Y, as a playbook, applied to an empty namespace Z (with the same veth "hardware").
        await using var z = await PersistLab.CreateAsync();
        var ovsZ = await LabOvs.StartAsync(z.Host);
        await z.VethAsync("v1", "v1p");
        var fromHostDir = Path.Combine(y.Host.StateDir, "from-host");
        var fromHost = await NettuiCli.RunAsync(y.Host.StateDir, env, "export", "ansible", "--from-host", "--netns", y.Host.Name, "--ovs-db", ovsY.DbTarget, "--out", fromHostDir);
        Assert.True(fromHost.ExitCode == 0, fromHost.StandardError);
        var copy = await AnsibleRun.PlaybookAsync(z.Host, Path.Combine(fromHostDir, "playbook.yml"), AnsibleRun.Vars(z.Nm.BusAddress, ovsZ));
        Assert.True(copy.ExitCode == 0 && copy.Failed == 0, copy.ToString());
        await z.WaitForAddressAsync("br0", "192.168.1.1/24");
        var shapeZ = AnsibleRun.Shape(NettuiCli.ParseSnapshot(await NettuiCli.ShowAsync(z.Host, ovsZ.DbTarget, "unix:///nonexistent", json: true)));
        Assert.Equal(string.Join("\n", shapeY), string.Join("\n", shapeZ));
    }
}
