using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Plans;
using NetTui.Presentation;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Persistence;

/// <summary>
/// Issue 15: what no configuration system holds (the seed's "attach obr0 to br0" and "obr0 up"
/// where NetworkManager has no OVS support) is run again at boot by a generated systemd unit.
/// </summary>
public class BootUnitTests
{
    private static readonly SystemdState Booted = new(true, "/", []);

    /// <summary>br0 held by a NetworkManager profile, OVS bridge obr0 (its internal port down), on a systemd host.</summary>
    private static HostSnapshot Seed(SystemdState? systemd = null) =>
        PersistenceAnnotator.Annotate(TestHost.Basic().WithBridge("br0", false, "192.168.100.1/24").WithOvsBridge("obr0")
            .Update("obr0", l => l with { AdminUp = false }) with
        {
            NetworkManager = new NetworkManagerState(true, null, "1.42.4", [PlannerTests.Profile("nettui-br0", "bridge", "br0", managed: true, addresses: ["192.168.100.1/24"])]),
            Systemd = systemd ?? Booted,
        });

    private static PlanStep[] Plan(Operation op, HostSnapshot host) => [.. new PersistedOperation(op).Plan(host, OperationContext.Default)];

    [Fact]
    public void Attaching_an_ovs_internal_port_to_a_bridge_gets_a_unit_that_runs_the_same_command_at_boot()
    {
        var steps = Plan(new AttachToBridge("br0", "obr0"), Seed());
        Assert.StartsWith("persistent: systemd unit nettui-port-obr0-br0.service runs it at boot", ((NoteStep)steps[0]).Description, StringComparison.Ordinal);
        var run = Assert.IsType<CommandStep>(steps[1]);
        Assert.Equal("ip link set dev obr0 master br0", run.Do.Display);
        var write = Assert.IsType<FileWriteStep>(steps[2]);
        Assert.Equal("/etc/systemd/system/nettui-port-obr0-br0.service", write.Path);
        Assert.Null(write.Previous);
        Assert.Contains("ExecStart=-ip link set dev obr0 master br0\n", write.Content, StringComparison.Ordinal);
        Assert.Contains("X-NetTui-Makes=port obr0 br0\n", write.Content, StringComparison.Ordinal);
        Assert.Contains("After=network-online.target NetworkManager.service openvswitch-switch.service", write.Content, StringComparison.Ordinal);
        var enable = Assert.IsType<CommandStep>(steps[3]);
        Assert.Equal("systemctl enable nettui-port-obr0-br0.service", enable.Do.Display);
        Assert.Equal("systemctl disable nettui-port-obr0-br0.service", Assert.Single(enable.Undo).Display);
    }

    [Fact]
    public void Without_systemd_or_with_runtime_only_asked_it_stays_lost_at_reboot()
    {
        var noSystemd = Plan(new AttachToBridge("br0", "obr0"), Seed(new SystemdState(false, "/", [])));
        Assert.StartsWith("runtime only: LOST AT REBOOT", ((NoteStep)noSystemd[0]).Description, StringComparison.Ordinal);
        Assert.DoesNotContain(noSystemd, s => s is FileWriteStep);

        var asked = new PersistedOperation(new SetLinkState("obr0", true), RuntimeOnly: true).Plan(Seed(), OperationContext.Default);
        Assert.DoesNotContain(asked, s => s is FileWriteStep);
    }

    [Fact]
    public void A_port_of_a_bridge_nothing_makes_at_boot_gets_no_unit_and_says_why()
    {
        var host = Seed().WithBridge("br9").WithLink("eth1", LinkKind.Ethernet);
        var steps = Plan(new AttachToBridge("br9", "eth1"), PersistenceAnnotator.Annotate(host));
        var label = ((NoteStep)steps[0]).Description;
        Assert.StartsWith("runtime only: LOST AT REBOOT", label, StringComparison.Ordinal);
        Assert.Contains("nothing makes br9 again at boot", label, StringComparison.Ordinal);
        Assert.DoesNotContain(steps, s => s is FileWriteStep);
        // The same card into br0, which a profile makes at boot: a unit holds it.
        Assert.Contains(Plan(new AttachToBridge("br0", "eth1"), PersistenceAnnotator.Annotate(host with { NetworkManager = host.NetworkManager! with { Available = false, Reason = "down" } })), s => s is FileWriteStep);
    }

    [Fact]
    public void The_unit_file_reads_back_and_its_commands_split_as_systemd_splits_them()
    {
        CommandSpec[] commands = [CommandSpec.Of("ip", "link", "set", "dev", "obr0", "up"), CommandSpec.Of("ovs-vsctl", "set", "Interface", "g 0", "options:x=50%", "$HOME", "a\"b")];
        var makes = new[] { new UnitObject(UnitObjectKind.Up, "obr0") };
        var text = BootUnitFile.Render("bring obr0 up", makes, [.. commands.Select(BootUnitFile.ExecLine)], ["nettui-port-obr0-br0.service"]);
        var unit = BootUnitFile.Parse("nettui-up-obr0.service", text)!;
        Assert.Equal(makes, unit.Makes);
        Assert.Equal(["ip", "link", "set", "dev", "obr0", "up"], BootUnitFile.Words(unit.Commands[0]));
        Assert.Equal(["ovs-vsctl", "set", "Interface", "g 0", "options:x=50%", "$HOME", "a\"b"], BootUnitFile.Words(unit.Commands[1]));
        Assert.Contains("nettui-port-obr0-br0.service", text, StringComparison.Ordinal);
        Assert.Null(BootUnitFile.Parse("nettui-admin.service", "[Service]\nExecStart=/bin/true\n"));
        Assert.Equal("nettui-route---10.0.2.0-24.service", BootUnitFile.NameFor(new(UnitObjectKind.Route, "-", "10.0.2.0/24")));
    }

    [Fact]
    public void The_boot_column_names_the_unit_and_drift_compares_it_with_what_runs()
    {
        var text = BootUnitFile.Render("attach obr0 to br0", [new(UnitObjectKind.Port, "obr0", "br0"), new(UnitObjectKind.Up, "obr0")], [BootUnitFile.ExecLine(CommandSpec.Of("ip", "link"))], []);
        var unit = BootUnitFile.Parse("nettui-port-obr0-br0.service", text)!;
        var host = Seed(Booted with { Units = [unit] }).Update("obr0", l => l with { Master = "br0", AdminUp = false });

        var annotated = PersistenceAnnotator.Annotate(host);
        var obr0 = annotated.FindLink("obr0")!.Persistence!;
        Assert.Equal(PersistenceKind.SystemdUnit, obr0.Where);
        Assert.Equal("nettui-port-obr0-br0.service", obr0.Unit);
        Assert.Equal("systemd unit nettui-port-obr0-br0.service", obr0.ToString());
        Assert.Equal("unit:port-obr0-br0", PersistenceText.Short(obr0));
        var drift = Assert.Single(DriftFinder.Find(annotated), d => d.Kind == DriftKind.UnitObjectMissing);
        Assert.Equal("up obr0", drift.Object);

        var withoutUnit = PersistenceAnnotator.Annotate(Seed().Update("obr0", l => l with { Master = "br0" })).FindLink("obr0")!.Persistence!;
        Assert.Equal(PersistenceKind.Ovsdb, withoutUnit.Where);
        Assert.Contains("nothing attaches it to br0 at boot", withoutUnit.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Detaching_removes_the_unit_that_attaches_at_boot_and_its_undo_puts_it_back()
    {
        var text = BootUnitFile.Render("attach obr0 to br0", [new(UnitObjectKind.Port, "obr0", "br0")], [BootUnitFile.ExecLine(CommandSpec.Of("ip", "link"))], []);
        var host = Seed(Booted with { Units = [BootUnitFile.Parse("nettui-port-obr0-br0.service", text)!] }).Update("obr0", l => l with { Master = "br0" });
        var steps = Plan(new DetachFromBridge("obr0"), host);
        var disable = Assert.Single(steps.OfType<CommandStep>(), c => c.Do.Program == "systemctl");
        Assert.Equal("systemctl disable nettui-port-obr0-br0.service", disable.Do.Display);
        var remove = Assert.Single(steps.OfType<FileWriteStep>());
        Assert.True(remove.RemoveFile);
        Assert.Equal(text, remove.Previous);
        Assert.Equal("rm /etc/systemd/system/nettui-port-obr0-br0.service", Assert.Single(remove.Preview()));
    }

    [Fact]
    public void A_later_unit_of_the_same_plan_is_ordered_after_the_earlier_one()
    {
        var host = Seed();
        var attach = new PersistedOperation(new AttachToBridge("br0", "obr0"));
        var (after, ctx) = SnapshotSimulator.After(host, OperationContext.Default, attach);
        Assert.Contains(after.Systemd!.Units, u => u.Name == "nettui-port-obr0-br0.service");
        var up = new PersistedOperation(new SetLinkState("obr0", true)).Plan(after, ctx);
        var write = Assert.Single(up.OfType<FileWriteStep>());
        Assert.EndsWith("nettui-up-obr0.service", write.Path, StringComparison.Ordinal);
        Assert.Contains("nettui-port-obr0-br0.service", write.Content.Split('\n').Single(l => l.StartsWith("After=", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrapped_only_for_a_unit_losing_NetworkManager_is_no_loss()
    {
        var down = new PersistenceMode(false, "NetworkManager is not running") { BootUnits = true };
        var op = Assert.IsType<PersistedOperation>(PersistenceLabel.Choose(new AddAddress("br0", "192.168.7.1/24"), down));
        Assert.True(op.UnitOnly);
        var host = Seed() with { NetworkManager = NetworkManagerState.Down("NetworkManager is not running") };
        Assert.Null(op.PersistenceLost(host));
        // Decided through NetworkManager, it is a loss (issue 25: stop and undo, never a silent runtime fallback).
        Assert.NotNull(new PersistedOperation(new AddAddress("br0", "192.168.7.1/24")).PersistenceLost(host));
    }

    [Fact]
    public void Operations_a_unit_can_hold_are_wrapped_only_on_a_systemd_host()
    {
        var up = new SetLinkState("obr0", true);
        Assert.IsType<PersistedOperation>(PersistenceLabel.Choose(up, new PersistenceMode(false, null) { BootUnits = true }));
        Assert.IsType<SetLinkState>(PersistenceLabel.Choose(up, new PersistenceMode(false, null)));
        Assert.IsType<SetLinkState>(PersistenceLabel.Choose(up, new PersistenceMode(true, null) { BootUnits = true }));
        Assert.IsType<DeleteOvsPort>(PersistenceLabel.Choose(new DeleteOvsPort("obr0", "gre0"), new PersistenceMode(false, null) { BootUnits = true }));
    }
}
