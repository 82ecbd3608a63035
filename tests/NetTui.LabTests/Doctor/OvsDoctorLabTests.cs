using NetTui.Core.Doctor;
using NetTui.Lab;
using static NetTui.LabTests.Doctor.DoctorLab;

namespace NetTui.LabTests.Doctor;

/// <summary>
/// Each OVS failure made for real in a lab namespace: the Doctor names the cause, its fix
/// works, and `ovs-vsctl show` (with the lab's environment) succeeds afterwards.
/// </summary>
public sealed class OvsDoctorLabTests
{
    [Fact]
    public async Task Server_stopped_is_named_and_started_again_with_the_bridges_kept()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.AddBridgeAsync("br-keep");
        await lab.Ovs.StopServerAsync();
        Assert.False((await lab.VsctlShowAsync()).Succeeded);

        var doctor = lab.Doctor();
        var report = await doctor.DiagnoseAsync(TestContext.Current.CancellationToken);
        var f = Named(report, FindingIds.OvsServerNotRunning);
        Assert.Contains(f.Evidence, e => e.Contains("database connection failed"));
        Assert.DoesNotContain(report.Findings, x => x.Check is FindingIds.OvsDatabaseMissing or FindingIds.OvsStaleSocket or FindingIds.OvsRundirMismatch);
        Assert.All(f.Fix!.Steps, s => Assert.DoesNotContain(s.Do.Arguments, a => a.Contains("/var/run/openvswitch") || a.Contains("/etc/openvswitch")));

        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        var show = await lab.VsctlShowAsync();
        Assert.True(show.Succeeded, show.StandardError);
        Assert.Contains("br-keep", show.StandardOutput);
    }

    [Fact]
    public async Task A_private_socket_without_OVS_variables_keeps_every_path_of_the_fix_next_to_it()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.StopServerAsync();
        var doctor = lab.Doctor(withOvsEnvironment: false);

        var f = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), FindingIds.OvsServerNotRunning);
        var start = f.Fix!.Steps.Single(s => s.Do.Program == "ovsdb-server").Do;
        Assert.Equal(lab.Ovs.DbFile, start.Arguments[0]);
        Assert.All(f.Fix.Steps, s => Assert.All(s.Do.Arguments.Where(a => a.Contains('/')), a => Assert.Contains(lab.OvsDir, a)));
        Assert.Equal(lab.OvsDir, start.Environment!["OVS_RUNDIR"]);
    }

    [Fact]
    public async Task Database_missing_is_named_created_started_and_initialised()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.StopVswitchdAsync();
        await lab.Ovs.StopServerAsync();
        File.Delete(lab.Ovs.DbFile);

        var doctor = lab.Doctor();
        var f = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), FindingIds.OvsDatabaseMissing);
        Assert.Contains(f.Evidence, e => e.Contains(lab.Ovs.DbFile) && e.Contains("does not exist"));

        var r = await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        AssertResolved(r);
        Assert.True(File.Exists(lab.Ovs.DbFile));
        Assert.DoesNotContain(r.After.Findings, x => x.Check is FindingIds.OvsNotInitialized or FindingIds.OvsServerNotRunning);
        var show = await lab.VsctlShowAsync();
        Assert.True(show.Succeeded, show.StandardError);
    }

    [Fact]
    public async Task Rundir_mismatch_is_named_and_the_running_server_also_listens_where_the_clients_look()
    {
        await using var lab = await CreateAsync();
        var clientDir = Path.Combine(lab.Host.StateDir, "client-run");
        Assert.False((await lab.VsctlShowAsync(clientDir)).Succeeded);

        var doctor = lab.Doctor(clientDir);
        var report = await doctor.DiagnoseAsync(TestContext.Current.CancellationToken);
        var f = Named(report, FindingIds.OvsRundirMismatch);
        Assert.Contains(f.Evidence, e => e.Contains(lab.Ovs!.DbSocket));
        Assert.DoesNotContain(report.Findings, x => x.Check == FindingIds.OvsServerNotRunning);

        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        var show = await lab.VsctlShowAsync(clientDir);
        Assert.True(show.Succeeded, show.StandardError);
    }

    [Fact]
    public async Task Stale_socket_is_named_removed_and_the_server_started()
    {
        await using var lab = await CreateAsync();
        // A crash: SIGKILL gives ovsdb-server no chance to remove its socket.
        var pid = LabSignals.ReadPidFile(Path.Combine(lab.OvsDir, "ovsdb-server.pid"));
        Assert.NotNull(pid);
        Assert.True(LabSignals.SignalIfOwned(pid.Value, lab.OvsDir, LabSignals.SigKill));
        await LabWait.UntilAsync("ovsdb-server to die", () => Task.FromResult(!LabSignals.IsAlive(pid.Value)), TimeSpan.FromSeconds(10));
        Assert.True(File.Exists(lab.Ovs!.DbSocket));

        var doctor = lab.Doctor();
        var f = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), FindingIds.OvsStaleSocket);
        Assert.Contains(f.Evidence, e => e.Contains("refused"));

        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        var show = await lab.VsctlShowAsync();
        Assert.True(show.Succeeded, show.StandardError);
    }

    [Fact]
    public async Task Vswitchd_stopped_is_named_and_started_so_changes_no_longer_hang()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.StopVswitchdAsync();

        var doctor = lab.Doctor();
        var report = await doctor.DiagnoseAsync(TestContext.Current.CancellationToken);
        var f = Named(report, FindingIds.OvsVswitchdNotRunning);
        Assert.DoesNotContain(report.Findings, x => x.Check == FindingIds.OvsServerNotRunning);

        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        // A change without --no-wait completes only when ovs-vswitchd applies it.
        var add = await lab.Ovs.VsctlAsync("add-br", "br-after", "--", "set", "bridge", "br-after", "datapath_type=netdev");
        Assert.True(add.Succeeded, add.StandardError);
        var show = await lab.VsctlShowAsync();
        Assert.True(show.Succeeded, show.StandardError);
    }

    [Fact]
    public async Task The_seeds_untyped_gre0_is_explained_and_repaired_with_the_remote_given()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.AddBridgeAsync("obr0");
        await lab.Ovs.VsctlAsync("add-port", "obr0", "gre0"); // the seed's step, without a type
        await WaitForErrorAsync(lab, "gre0");

        var doctor = lab.Doctor();
        var f = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), "ovs-tunnel-without-type:gre0");
        Assert.Contains(f.Evidence, e => e.Contains("could not open network device gre0"));
        Assert.Equal("remote_ip", Assert.Single(f.Fix!.Inputs).Name);

        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string> { ["remote_ip"] = "10.10.0.2" }, TestContext.Current.CancellationToken));
        Assert.Equal("gre", (await lab.Ovs.VsctlCheckedAsync("get", "interface", "gre0", "type")).StandardOutput.Trim());
        Assert.Contains("10.10.0.2", (await lab.Ovs.VsctlCheckedAsync("get", "interface", "gre0", "options:remote_ip")).StandardOutput);
        Assert.Equal("[]", (await lab.Ovs.VsctlCheckedAsync("get", "interface", "gre0", "error")).StandardOutput.Trim());
        Assert.True((await lab.VsctlShowAsync()).Succeeded);
    }

    [Fact]
    public async Task A_port_for_a_missing_device_is_named_and_deleted()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.AddBridgeAsync("br-int");
        await lab.Ovs.VsctlAsync("add-port", "br-int", "vethgone");
        await WaitForErrorAsync(lab, "vethgone");

        var doctor = lab.Doctor();
        var f = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), "ovs-port-device-missing:vethgone");
        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        Assert.False((await lab.Ovs.VsctlAsync("get", "port", "vethgone", "name")).Succeeded);
        Assert.True((await lab.VsctlShowAsync()).Succeeded);
    }

    [Fact]
    public async Task A_database_never_initialised_is_named_and_initialised()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.StopVswitchdAsync();
        await lab.Ovs.StopServerAsync();
        File.Delete(lab.Ovs.DbFile);
        (await LabExec.RunAsync(["ovsdb-tool", "create", lab.Ovs.DbFile, "/usr/share/openvswitch/vswitch.ovsschema"], lab.Ovs.Environment, null, TestContext.Current.CancellationToken)).EnsureSuccess();
        await lab.Ovs.StartServerAsync(); // the seed's first step, without `ovs-vsctl --no-wait init`
        // The fixture's readiness check ran ovs-vsctl, which creates the root record itself: take it out again.
        (await LabExec.RunAsync(["ovsdb-client", "transact", lab.Ovs.DbTarget, """["Open_vSwitch",{"op":"delete","table":"Open_vSwitch","where":[]}]"""],
            lab.Ovs.Environment, null, TestContext.Current.CancellationToken)).EnsureSuccess();

        var doctor = lab.Doctor();
        var f = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), FindingIds.OvsNotInitialized);
        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        var root = await lab.Host.RunAsync(["ovs-vsctl", "--timeout=5", "--no-wait", "get", "Open_vSwitch", ".", "_uuid"], lab.OvsEnvironment(), TimeSpan.FromSeconds(10));
        Assert.True(root.Succeeded, root.StandardError);
    }

    [Fact]
    public async Task A_kernel_datapath_bridge_without_the_module_is_switched_to_netdev()
    {
        Assert.SkipWhen(Directory.Exists("/sys/module/openvswitch"), "this kernel has the openvswitch module loaded");
        await using var lab = await CreateAsync();
        await lab.Ovs!.VsctlAsync("add-br", "brk"); // default datapath: needs the kernel module

        var doctor = lab.Doctor();
        var f = Named(await doctor.DiagnoseAsync(TestContext.Current.CancellationToken), "ovs-datapath-module-missing:brk");
        Assert.Contains(f.Evidence, e => e.Contains("/sys/module/openvswitch"));
        AssertResolved(await doctor.FixAsync(f, new Dictionary<string, string>(), TestContext.Current.CancellationToken));
        Assert.Equal("netdev", (await lab.Ovs.VsctlCheckedAsync("get", "bridge", "brk", "datapath_type")).StandardOutput.Trim());
    }

    [Fact]
    public async Task A_tunnel_to_an_address_no_route_reaches_is_named()
    {
        await using var lab = await CreateAsync();
        await lab.Ovs!.AddBridgeAsync("br-int");
        await lab.Ovs.AddGrePortAsync("br-int", "gre9", "172.31.9.9");

        var f = Named(await lab.Doctor().DiagnoseAsync(TestContext.Current.CancellationToken), "ovs-tunnel-remote-unreachable:gre9");
        Assert.Contains(f.Evidence, e => e.Contains("172.31.9.9"));
        Assert.Null(f.Fix);
    }

    /// <summary>ovs-vswitchd fills the error column when it applies the configuration; wait for it.</summary>
    private static Task WaitForErrorAsync(DoctorLab lab, string iface) =>
        LabWait.UntilAsync($"OVS to report an error on {iface}", async () =>
        {
            var r = await lab.Ovs!.VsctlAsync("get", "interface", iface, "error");
            return r.Succeeded && r.StandardOutput.Trim() is { Length: > 2 } e && e != "[]";
        }, TimeSpan.FromSeconds(15));
}
