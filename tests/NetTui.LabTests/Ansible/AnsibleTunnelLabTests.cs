using System.Text.Json.Nodes;
using NetTui.Lab;
using NetTui.LabTests.Persistence;

namespace NetTui.LabTests.Ansible;

/// <summary>
/// The seed's two-host change as one Ansible run: `nettui wizard tunnel --ansible DIR` on host
/// A writes the inventory and playbook; ansible-playbook (stock, connection local) runs each
/// host's play in that host's namespace through a python wrapper that enters it
/// (`nsenter --net=... python3`), with each host's private D-Bus and OVS database in its
/// nettui_environment. Then a container namespace on A pings one on B through the OVS GRE port.
/// </summary>
public sealed class AnsibleTunnelLabTests
{
    private sealed record End(PersistLab Lab, LabOvs Ovs, LabHost Container, string Underlay, int N);

    [Fact]
    public async Task Wizard_inventory_and_playbook_build_both_ends_and_the_containers_ping_through_gre()
    {
        await using var a = await PersistLab.CreateAsync();
        await using var b = await PersistLab.CreateAsync();
        await using var ca = await LabHost.CreateAsync();
        await using var cb = await LabHost.CreateAsync();
        await a.Host.ConnectAsync("phy0", b.Host, "phy0");
        var endA = new End(a, await UnderlayAsync(a, "10.10.0.1"), ca, "10.10.0.1", 1);
        var endB = new End(b, await UnderlayAsync(b, "10.10.0.2"), cb, "10.10.0.2", 2);

        var dir = Path.Combine(a.Host.StateDir, "fleet");
        var wizard = await NettuiCli.RunAsync(a.Host.StateDir, new Dictionary<string, string>(a.Nm.ClientEnvironment), ["wizard", "tunnel",
            "--local-underlay", "10.10.0.1", "--peer-underlay", "10.10.0.2", "--local-subnet", "192.168.1.0/24", "--peer-subnet", "192.168.2.0/24",
            "--out", Path.Combine(dir, "a.plan.json"), "--peer-out", Path.Combine(dir, "b.plan.json"), "--ansible", dir,
            "--netns", a.Host.Name, "--ovs-db", endA.Ovs.DbTarget]);
        Assert.True(wizard.ExitCode == 0, wizard.StandardError + wizard.StandardOutput);
        var inventory = Path.Combine(dir, "inventory.yml");
        var playbook = Path.Combine(dir, "playbook.yml");

        // Both hosts, with their underlay addresses, as ansible-inventory reads the file.
        var listed = await LabExec.RunAsync(["ansible-inventory", "-i", inventory, "--list"], AnsibleEnv(dir), TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(listed.ExitCode == 0, listed.StandardError);
        var hostvars = JsonNode.Parse(listed.StandardOutput)!["_meta"]!["hostvars"]!.AsObject();
        Assert.Equal(2, hostvars.Count);
        var nameA = hostvars.Single(h => (string?)h.Value!["nettui_underlay"] == "10.10.0.1").Key;
        var nameB = hostvars.Single(h => (string?)h.Value!["nettui_underlay"] == "10.10.0.2").Key;
        Assert.Equal("10.10.0.1", (string?)hostvars[nameB]!["nettui_peer_underlay"]);

        // How this lab reaches each "machine": locally, its modules run inside its namespace.
        var lab = new JsonObject { ["all"] = new JsonObject { ["hosts"] = new JsonObject
        {
            [nameA] = await LabHostVarsAsync(endA, dir),
            [nameB] = await LabHostVarsAsync(endB, dir),
        } } };
        var labInventory = Path.Combine(dir, "lab-inventory.yml");
        await File.WriteAllTextAsync(labInventory, lab.ToJsonString(), TestContext.Current.CancellationToken);

        var first = await RunAsync(dir, inventory, labInventory, playbook);
        Assert.True(first.ExitCode == 0 && first.Failed == 0, first.ToString());
        Assert.Contains($"PLAY [NetTui plan", first.Output, StringComparison.Ordinal);

        foreach (var end in new[] { endA, endB }) await ContainerAsync(end);
        ExecResult? ping = null;
        for (var i = 0; i < 8 && ping is not { Succeeded: true }; i++)
            ping = await ca.RunAsync("ping", "-c", "1", "-W", "2", "192.168.2.10");
        Assert.True(ping!.Succeeded, "A's container cannot reach B's:\n" + ping.StandardOutput + ping.StandardError + "\n" + first.Output);
        var gre = await endA.Ovs.VsctlCheckedAsync("get", "interface", "gre0", "type", "options:remote_ip");
        Assert.Equal("gre\n\"10.10.0.2\"", gre.StandardOutput.Trim());

        var second = await RunAsync(dir, inventory, labInventory, playbook);
        Assert.True(second.ExitCode == 0 && second.Changed == 0, "second run changed something:\n" + second);
    }

    private static async Task<LabOvs> UnderlayAsync(PersistLab lab, string address)
    {
        var ovs = await LabOvs.StartAsync(lab.Host);
        await ovs.AddBridgeAsync("br-phy");
        await ovs.VsctlCheckedAsync("add-port", "br-phy", "phy0");
        await lab.Host.CheckedAsync("ip", "addr", "add", address + "/24", "dev", "br-phy");
        await lab.Host.CheckedAsync("ip", "link", "set", "br-phy", "up");
        await lab.Host.CheckedAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        return ovs;
    }

    /// <summary>ansible_connection=local plus a python that enters the host's namespace; its bus and OVS database for the play.</summary>
    private static async Task<JsonObject> LabHostVarsAsync(End end, string dir)
    {
        var wrapper = Path.Combine(dir, $"python-{end.Lab.Host.Name}");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec nsenter --net={end.Lab.Host.NetnsPath} -- /usr/bin/python3 \"$@\"\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var vars = AnsibleRun.Vars(end.Lab.Nm.BusAddress, end.Ovs);
        vars["ansible_connection"] = "local";
        vars["ansible_python_interpreter"] = wrapper;
        return vars;
    }

    /// <summary>The seed's "container": a namespace on a veth whose host end is a port of br0, default route via br0's address.</summary>
    private static async Task ContainerAsync(End end)
    {
        await LabExec.CheckedAsync("ip", "-n", end.Lab.Host.Name, "link", "add", "vct0", "type", "veth", "peer", "name", "eth0", "netns", end.Container.Name);
        await end.Lab.Host.CheckedAsync("ip", "link", "set", "vct0", "master", "br0");
        await end.Lab.Host.CheckedAsync("ip", "link", "set", "vct0", "up");
        await end.Container.CheckedAsync("ip", "addr", "add", $"192.168.{end.N}.10/24", "dev", "eth0");
        await end.Container.CheckedAsync("ip", "link", "set", "eth0", "up");
        await end.Container.CheckedAsync("ip", "route", "add", "default", "via", $"192.168.{end.N}.1");
    }

    private static Dictionary<string, string> AnsibleEnv(string dir) => new()
    {
        ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(dir, "ansible-tmp"),
        ["ANSIBLE_REMOTE_TEMP"] = Path.Combine(dir, "ansible-tmp"),
        ["ANSIBLE_HOME"] = Path.Combine(dir, "ansible-home"),
        ["ANSIBLE_NOCOLOR"] = "1",
        ["LC_ALL"] = "C.UTF-8",
        ["LANG"] = "C.UTF-8",
    };

    private static async Task<AnsibleRun.Result> RunAsync(string dir, string inventory, string labInventory, string playbook)
    {
        var r = await LabExec.RunAsync(["ansible-playbook", "-i", inventory, "-i", labInventory, playbook], AnsibleEnv(dir), TimeSpan.FromMinutes(4), TestContext.Current.CancellationToken);
        return AnsibleRun.Parse(r.ExitCode, r.StandardOutput + r.StandardError);
    }
}
