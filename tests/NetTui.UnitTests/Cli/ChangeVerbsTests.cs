using System.Text.Json;
using NetTui.Cli;
using NetTui.Cli.Verbs;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Cli;

public class ChangeVerbsTests
{
    private sealed class World
    {
        public RecordingRunner Runner { get; } = new();
        public FakeInventory Inventory { get; } = new(TestHost.Basic().WithBridge("br0", false, "192.168.1.1/24").WithOvsBridge("obr0"));
        public MemoryFiles Files { get; } = new();
        public StringWriter Out { get; } = new();
        public StringWriter Err { get; } = new();
        public NetworkTarget? Target { get; private set; }
        public bool Systemd { get; set; }
        public bool KernelDatapath { get; set; } = true;
        public Core.Operations.OvsConnection? Ovs { get; private set; }

        public ChangeHost Host => new()
        {
            Parts = new NetTui.Composition.HostParts
            {
                Inventory = (_, ovs) => { Ovs = ovs; return Inventory; },
                Runner = t => { Target = t; Runner.Target = t; return Runner; },
                Files = () => Files,
                // Pure logic of the verbs: no journal, and NetworkManager does not answer.
                NoJournal = true,
                Probe = _ => Task.FromResult(NetTui.UnitTests.History.TestChanges.NoNetworkManager),
            },
            HasSystemd = () => Systemd,
            KernelDatapath = () => KernelDatapath,
            Out = Out,
            Err = Err,
        };

        public async Task<int> Run(params string[] args)
        {
            var root = new System.CommandLine.RootCommand();
            foreach (var v in ChangeVerbs.Create(Host)) root.Subcommands.Add(v);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                Err.WriteLine($"nettui: {parsed.Errors[0].Message}");
                return NetTuiCli.UsageError;
            }
            return await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = Out, Error = Err }, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_runs_nothing()
    {
        var w = new World();
        var code = await w.Run("bridge", "add", "br1", "--address", "192.168.100.1/24", "--dry-run", "--netns", "ntl-a");
        Assert.Equal(0, code);
        Assert.Empty(w.Runner.Ran);
        Assert.Contains("ip link add name br1 type bridge stp_state 0", w.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("namespace ntl-a", w.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("ntl-a", w.Target!.Namespace);
    }

    [Theory]
    [InlineData("bridge", "add", "br0;reboot")]
    [InlineData("bridge", "add", "$(id)")]
    [InlineData("bridge", "add", "br1", "--address", "300.1.1.1/24")]
    [InlineData("bridge", "add", "br1", "--stp", "maybe")]
    [InlineData("bridge", "attach", "br0", "nope0")]
    [InlineData("address", "add", "br0", "10.1.1.1", "--netmask", "255.0.255.0")]
    [InlineData("link", "set", "br0", "sideways")]
    [InlineData("link", "set", "br0", "mtu", "10")]
    [InlineData("ovs", "gre", "add", "obr0", "gre0", "--remote", "1.2.3.4", "--key", "4294967296")]
    [InlineData("ovs", "bridge", "add", "obr1", "--datapath", "kernel")]
    [InlineData("tunnel", "add", "gre1", "--mode", "ipip", "--remote", "1.2.3.4")]
    [InlineData("route", "add", "192.168.2.0/24", "--metric", "-1", "--dev", "br0")]
    [InlineData("route", "add", "192.168.2.0/24")]
    [InlineData("docker", "bridge", "br0;reboot", "--daemon-json", "/tmp/x.json")]
    [InlineData("bridge", "add", "br1", "--netns", "../etc")]
    [InlineData("bridge", "add", "br1", "--ovs-db", "db.sock")]
    [InlineData("bridge", "add")]
    [InlineData("ovs", "gre", "add", "obr0", "gre0")]
    public async Task Usage_and_validation_errors_exit_2_and_run_nothing(params string[] args)
    {
        var w = new World();
        Assert.Equal(2, await w.Run(args));
        Assert.Empty(w.Runner.Ran);
        Assert.StartsWith("nettui: ", w.Err.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vni", "vxlan", "add", "vx0", "--vni", "0", "--remote", "1.2.3.4")]
    [InlineData("vni", "vxlan", "add", "vx0", "--vni", "16777216", "--remote", "1.2.3.4")]
    [InlineData("dstport", "vxlan", "add", "vx0", "--vni", "42", "--remote", "1.2.3.4", "--dstport", "65536")]
    [InlineData("dstport", "vxlan", "add", "vx0", "--vni", "42", "--remote", "1.2.3.4", "--dstport", "0")]
    [InlineData("remote", "vxlan", "add", "vx0", "--vni", "42", "--remote", "10.0.0.5")]
    [InlineData("group", "vxlan", "add", "vx0", "--vni", "42", "--group", "10.1.1.1", "--dev", "eth0")]
    [InlineData("vni", "ovs", "vxlan", "add", "obr0", "vxlan0", "--remote", "1.2.3.4", "--vni", "16777216")]
    [InlineData("dstport", "ovs", "vxlan", "add", "obr0", "vxlan0", "--remote", "1.2.3.4", "--dstport", "70000")]
    [InlineData("remote", "ovs", "vxlan", "add", "obr0", "vxlan0", "--remote", "10.0.0.5")]
    public async Task Bad_vxlan_input_is_one_line_naming_the_field_exit_2_nothing_run(string field, params string[] args)
    {
        var w = new World();
        Assert.Equal(2, await w.Run(args));
        Assert.Empty(w.Runner.Ran);
        var line = Assert.Single(w.Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"nettui: {field}: ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "datapath_type=system")]
    [InlineData(false, "datapath_type=netdev")]
    public async Task Ovs_bridge_add_defaults_to_the_datapath_this_kernel_can_run(bool kernelModule, string expected)
    {
        var w = new World { KernelDatapath = kernelModule };
        Assert.Equal(0, await w.Run("ovs", "bridge", "add", "obr7", "--dry-run"));
        Assert.Contains(expected, w.Out.ToString(), StringComparison.Ordinal);
        Assert.Empty(w.Runner.Ran);
    }

    [Fact]
    public async Task Applies_and_exits_0()
    {
        var w = new World();
        w.Runner.After = _ => w.Inventory.Snapshot = w.Inventory.Snapshot.Update("br0", l => l with { Mtu = 1400 });
        Assert.Equal(0, await w.Run("link", "set", "br0", "mtu", "1400"));
        Assert.Equal(["ip link set dev br0 mtu 1400"], w.Runner.Lines);
        Assert.Contains("applied and verified", w.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_change_exits_1_and_says_what_was_undone()
    {
        var w = new World();
        w.Runner.Fails = (spec, _) => spec.Arguments.Contains("up");
        Assert.Equal(1, await w.Run("bridge", "add", "br1", "--address", "192.168.100.1/24"));
        var err = w.Err.ToString();
        Assert.Contains("step 3 of operation 1 failed", err, StringComparison.Ordinal);
        Assert.Contains("RTNETLINK answers: boom", err, StringComparison.Ordinal);
        Assert.Contains("undone: undo: create bridge br1", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_has_plan_inverse_and_outcome()
    {
        var w = new World();
        Assert.Equal(0, await w.Run("ovs", "gre", "add", "obr0", "gre0", "--remote", "192.168.42.131", "--key", "5", "--dry-run", "--json", "--ovs-db", "unix:/tmp/ntl/db.sock"));
        using var doc = JsonDocument.Parse(w.Out.ToString());
        var root = doc.RootElement;
        Assert.Equal("planned", root.GetProperty("outcome").GetString());
        var op = root.GetProperty("operations")[0];
        Assert.Equal("ovs.gre.add", op.GetProperty("operation").GetProperty("op").GetString());
        Assert.Equal("ovs.port.del", op.GetProperty("inverse").GetProperty("op").GetString());
        Assert.Equal("ovs-vsctl --timeout=10 --db=unix:/tmp/ntl/db.sock add-port obr0 gre0 -- set interface gre0 type=gre options:key=5 options:remote_ip=192.168.42.131",
            op.GetProperty("plan")[0].GetString());
        Assert.Equal("unix:/tmp/ntl/db.sock", w.Ovs!.Db);
    }

    [Fact]
    public async Task Json_rejection()
    {
        var w = new World();
        Assert.Equal(2, await w.Run("bridge", "del", "br9", "--json"));
        using var doc = JsonDocument.Parse(w.Out.ToString());
        Assert.Equal("rejected", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("name", doc.RootElement.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Docker_bridge_edits_the_given_file_and_says_to_restart()
    {
        var w = new World();
        w.Files.Files["/tmp/ntl/daemon.json"] = "{\"debug\": true}";
        Assert.Equal(0, await w.Run("docker", "bridge", "br0", "--daemon-json", "/tmp/ntl/daemon.json"));
        Assert.Contains("\"bridge\": \"br0\"", w.Files.Files["/tmp/ntl/daemon.json"], StringComparison.Ordinal);
        Assert.Contains("\"debug\": true", w.Files.Files["/tmp/ntl/daemon.json"], StringComparison.Ordinal);
        Assert.Contains("restart", w.Out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bridge del br0", "ip link del dev br0")]
    [InlineData("bridge attach br0 obr0", "ip link set dev obr0 master br0")]
    [InlineData("address del br0 192.168.1.1/24", "ip addr del 192.168.1.1/24 dev br0")]
    [InlineData("link set br0 down", "ip link set dev br0 down")]
    [InlineData("ovs bridge add obr1 --datapath netdev", "ovs-vsctl --timeout=10 add-br obr1 -- set bridge obr1 datapath_type=netdev")]
    [InlineData("ovs bridge del obr0", "ovs-vsctl --timeout=10 del-br obr0")]
    [InlineData("tunnel add gre1 --mode gre --remote 1.2.3.4 --key 9", "ip link add name gre1 type gre remote 1.2.3.4 key 9")]
    [InlineData("route add 192.168.2.0/24 --via 10.0.0.1 --metric 5 --table 100", "ip route add 192.168.2.0/24 via 10.0.0.1 metric 5 table 100")]
    [InlineData("route del default", "ip route del default via 10.0.0.1 dev eth0")]
    public async Task Every_verb_plans_its_operation(string args, string firstOrLastCommand)
    {
        var w = new World();
        Assert.Equal(0, await w.Run([.. args.Split(' '), "--dry-run"]));
        Assert.Contains(firstOrLastCommand, w.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_root_registers_the_verbs_under_its_shared_options()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var inventory = new FakeInventory(TestHost.Basic());
        var ctx = new CliContext(output, error) { InventoryFactory = (_, _) => inventory };
        var code = await NetTuiCli.RunAsync(["--netns", "ntl-root", "bridge", "add", "br1", "--dry-run"], ctx, TestContext.Current.CancellationToken);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("ip link add name br1 type bridge", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("namespace ntl-root", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await NetTuiCli.RunAsync(["bridge", "add", "br0;reboot", "--dry-run"], ctx, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Docker_restart_through_systemd_only_after_the_change_and_only_with_systemd()
    {
        var w = new World { Systemd = true };
        Assert.Equal(0, await w.Run("docker", "bridge", "br0", "--daemon-json", "/tmp/ntl/daemon.json", "--restart"));
        Assert.Equal(["systemctl restart docker"], w.Runner.Lines);
        Assert.False(w.Runner.Ran[0].InTargetNamespace);

        var dry = new World { Systemd = true };
        Assert.Equal(0, await dry.Run("docker", "bridge", "br0", "--daemon-json", "/tmp/ntl/daemon.json", "--restart", "--dry-run"));
        Assert.Empty(dry.Runner.Ran);

        var none = new World { Systemd = false };
        Assert.Equal(1, await none.Run("docker", "bridge", "br0", "--daemon-json", "/tmp/ntl/daemon.json", "--restart"));
        Assert.Contains("restart dockerd yourself", none.Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"bridge\": \"br0\"", none.Files.Files["/tmp/ntl/daemon.json"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_reads_a_plan_file_as_one_change_set()
    {
        var dir = Directory.CreateTempSubdirectory("nettui-plan-");
        try
        {
            var plan = Path.Combine(dir.FullName, "plan.json");
            await File.WriteAllTextAsync(plan, """
                [ { "op": "bridge.add", "name": "br1", "address": "192.168.100.1/24" },
                  { "op": "route.add", "destination": "192.168.2.0/24", "via": "10.0.0.1" } ]
                """, TestContext.Current.CancellationToken);
            var w = new World();
            Assert.Equal(0, await w.Run("apply", plan, "--dry-run"));
            Assert.Contains("ip link add name br1 type bridge", w.Out.ToString(), StringComparison.Ordinal);
            Assert.Contains("ip route add 192.168.2.0/24 via 10.0.0.1", w.Out.ToString(), StringComparison.Ordinal);
            Assert.Empty(w.Runner.Ran);

            await File.WriteAllTextAsync(plan, """{ "op": "bridge.explode", "name": "br1" }""", TestContext.Current.CancellationToken);
            Assert.Equal(2, await new World().Run("apply", plan));
            await File.WriteAllTextAsync(plan, """{ "op": "bridge.add", "name": "br1;reboot" }""", TestContext.Current.CancellationToken);
            var bad = new World();
            Assert.Equal(2, await bad.Run("apply", plan));
            Assert.Empty(bad.Runner.Ran);
            Assert.Equal(2, await new World().Run("apply", Path.Combine(dir.FullName, "missing.json")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
