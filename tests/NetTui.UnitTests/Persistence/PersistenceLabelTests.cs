using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.UnitTests.Persistence;

/// <summary>
/// The choice and the label the CLI verbs and the TUI forms share (Presentation/PersistenceLabel):
/// wrapped when NetworkManager answers and can hold the object, the same line in both previews.
/// </summary>
public class PersistenceLabelTests
{
    private static readonly PersistenceMode Available = new(false, null);
    private static readonly PersistenceMode Down = new(false, "NetworkManager is not running (no owner of org.freedesktop.NetworkManager on the system bus)");
    private static readonly PersistenceMode RuntimeOnly = new(true, null);

    [Fact]
    public void Persistable_operations_are_wrapped_only_when_NetworkManager_answers_and_runtime_only_was_not_asked()
    {
        var op = new CreateBridge("br5", "192.168.5.1/24");
        Assert.Equal(new PersistedOperation(op), PersistenceLabel.Choose(op, Available));
        Assert.Same(op, PersistenceLabel.Choose(op, Down));
        Assert.Same(op, PersistenceLabel.Choose(op, RuntimeOnly));
        foreach (var o in new Operation[] { new AddAddress("eth0", "10.1.1.1/24"), new AttachToBridge("br0", "eth1"), new DeleteBridge("br0"),
                     new AddRoute("10.9.0.0/16", "192.168.1.254", null), new CreateIpTunnel("gre2", "gre", "10.0.0.2") })
            Assert.IsType<PersistedOperation>(PersistenceLabel.Choose(o, Available));
    }

    [Fact]
    public void Operations_NetworkManager_cannot_hold_stay_bare()
    {
        // OVS persists in OVSDB; link state and MTU are runtime (labelled); Docker's file is a file.
        Assert.IsType<CreateOvsBridge>(PersistenceLabel.Choose(new CreateOvsBridge("obr1", "netdev"), Available));
        Assert.IsType<SetLinkState>(PersistenceLabel.Choose(new SetLinkState("eth0", false), Available));
        var already = new PersistedOperation(new CreateBridge("br5"));
        Assert.Same(already, PersistenceLabel.Choose(already, Available));
    }

    [Fact]
    public void Label_of_a_wrapped_operation_is_its_plan_note_naming_the_profile()
    {
        var host = PlannerTests.Host();
        var op = PersistenceLabel.Choose(new CreateBridge("br5", "192.168.5.1/24"), Available);
        var plan = op.Plan(host, OperationContext.Default);
        var label = PersistenceLabel.For(op, plan, host, Available);
        Assert.Equal("persistent: NetworkManager profile nettui-br5, saved to disk", label);
        Assert.IsType<NetworkManagerStep>(Assert.Single(PersistenceLabel.WithoutLabel(plan, label).Take(1)));
    }

    [Fact]
    public void Label_says_lost_at_reboot_with_the_reason()
    {
        var host = PlannerTests.Host();
        var op = new CreateBridge("br5");
        var plan = op.Plan(host, OperationContext.Default);
        Assert.Equal("runtime only: LOST AT REBOOT (--runtime-only was asked)", PersistenceLabel.For(op, plan, host, RuntimeOnly));
        Assert.Equal($"runtime only: LOST AT REBOOT (NetworkManager is not available: {Down.Unavailable})", PersistenceLabel.For(op, plan, host, Down));
        // The CLI passes no probe result: the snapshot's NetworkManager state tells (the same words).
        var nmDown = host with { NetworkManager = NetworkManagerState.Down("no system D-Bus at /x") };
        Assert.Equal("runtime only: LOST AT REBOOT (NetworkManager is not available: no system D-Bus at /x)", PersistenceLabel.For(op, plan, nmDown, Available));
        Assert.Equal(PersistentPlan.Runtime("--runtime-only was asked").Label, PersistenceLabel.For(op, plan, host, RuntimeOnly));
    }

    [Fact]
    public void OVS_changes_say_OVSDB_even_with_runtime_only_or_without_NetworkManager()
    {
        var host = PlannerTests.Host();
        var op = new CreateOvsBridge("obr1", "netdev");
        var plan = op.Plan(host, OperationContext.Default);
        foreach (var mode in new[] { Available, Down, RuntimeOnly })
            Assert.Equal("persistent: Open vSwitch keeps this in OVSDB (conf.db)", PersistenceLabel.For(op, plan, host, mode));
    }

    [Fact]
    public void Form_preview_starts_with_the_label_then_the_profile_steps_with_nmcli()
    {
        var host = PlannerTests.Host();
        var r = FormCatalog.BridgeAdd(host).Evaluate(new Dictionary<string, string> { ["name"] = "br5", ["address"] = "192.168.5.1/24", ["stp"] = "off" },
            host, persistence: Available);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.IsType<PersistedOperation>(Assert.Single(r.Operations));
        Assert.Equal("# persistent: NetworkManager profile nettui-br5, saved to disk", r.Preview[0]);
        Assert.Single(r.Preview, l => l.Contains("persistent: NetworkManager profile nettui-br5", StringComparison.Ordinal)); // not repeated as a step
        Assert.Contains(r.Preview, l => l.StartsWith(" 1. NetworkManager: save profile nettui-br5 (bridge br5) to disk", StringComparison.Ordinal)
                                        && l.Contains("# nmcli connection add type bridge ifname br5 con-name nettui-br5", StringComparison.Ordinal));
        Assert.Contains(r.Preview, l => l.Contains("nmcli connection up nettui-br5", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Preview, l => l.Contains("ip link add", StringComparison.Ordinal));
    }

    [Fact]
    public void Form_preview_without_NetworkManager_labels_the_runtime_commands()
    {
        var host = PlannerTests.Host();
        var r = FormCatalog.BridgeAdd(host).Evaluate(new Dictionary<string, string> { ["name"] = "br5", ["address"] = "", ["stp"] = "off" },
            host, persistence: Down);
        Assert.IsType<CreateBridge>(Assert.Single(r.Operations));
        Assert.StartsWith("# runtime only: LOST AT REBOOT (NetworkManager is not available: ", r.Preview[0], StringComparison.Ordinal);
        Assert.Contains(r.Preview, l => l.Contains("ip link add", StringComparison.Ordinal));
    }
}
