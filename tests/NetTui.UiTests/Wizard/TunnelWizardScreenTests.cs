using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Host.Changes;
using NetTui.Presentation.Wizard;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Wizard;

/// <summary>The tunnel wizard walked screen by screen in a headless terminal: keys in, screen text out.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(UiCollection.Name)]
public sealed class TunnelWizardScreenTests
{
    /// <summary>A lab-like host: underlay 10.10.0.1/24 on the OVS netdev bridge br-phy.</summary>
    private static HostSnapshot Host()
    {
        var lo = new Link(1, "lo", LinkKind.Loopback, "UNKNOWN", true, 65536, null, null, null, null, [new LinkAddress(AddressFamily.Inet, "127.0.0.1", 8, "host")]);
        var phy = new Link(2, "br-phy", LinkKind.OvsInternal, "UNKNOWN", true, 1500, "02:00:00:00:00:02", null, null, null, [new LinkAddress(AddressFamily.Inet, "10.10.0.1", 24, "global")]);
        var local = new OvsPort("br-phy", "u1", null, [new OvsInterface("br-phy", "u2", "internal", ImmutableSortedDictionary<string, string>.Empty, null, 65534, "up", "up", ImmutableSortedDictionary<string, long>.Empty)]);
        return HostSnapshot.Empty("host-a", "ntl-ui") with
        {
            Links = [lo, phy],
            Routes = [new Route(AddressFamily.Inet, "10.10.0.0/24", null, "br-phy", "kernel", "link", null, "main", "unicast", "10.10.0.1")],
            Ovs = new OvsState("3.1.0", [new OvsBridge("br-phy", "u0", "netdev", [local])]),
            Sources = [SourceStatus.Ok(SourceKind.IpRoute2, TimeSpan.Zero), SourceStatus.Ok(SourceKind.Ovs, TimeSpan.Zero)],
        };
    }

    private static Screen Erase(Screen s, int n)
    {
        for (var i = 0; i < n; i++) s.Press(Key.Backspace);
        return s;
    }

    [Fact]
    public void Walks_the_wizard_page_by_page_with_errors_as_you_type_preview_and_save()
    {
        using var s = new Screen(Host(), width: 120, height: 40);
        var dir = Directory.CreateTempSubdirectory("ntl-wizard-ui-");
        try
        {
            // W opens page 1, the underlay address offered from the host and filled in.
            s.Press(Key.W);
            Assert.Contains("Tunnel wizard, 1 of 4: underlay", s.Text);
            Assert.Contains("10.10.0.1 on br-phy (MTU 1500)", s.Text);
            Assert.Equal("10.10.0.1", s.Window.Wizard.Flow!.Input.LocalUnderlay);

            // Next without the peer: refused, the error names the field.
            s.Press(Key.Enter);
            Assert.Contains("1 of 4", s.Text);
            Assert.Contains("! peer-underlay", s.Text);

            // A peer this host has no route to, then the right one: the error follows the typing.
            s.Press(Key.Tab).Type("172.16.0.9");
            Assert.Contains("no route to 172.16.0.9", s.Text);
            Erase(s, 10).Type("10.10.0.2");
            Assert.DoesNotContain("! peer-underlay", s.Text);
            s.Press(Key.Enter);

            // Page 2: an overlapping peer subnet is flagged as it is typed, then fixed.
            Assert.Contains("Tunnel wizard, 2 of 4: container subnets", s.Text);
            s.Type("192.168.1.0/24").Press(Key.Tab, Key.Tab).Type("192.168.1.128/25");
            Assert.Contains("! peer-subnet", s.Text);
            Assert.Contains("overlaps", s.Text);
            Erase(s, 16).Type("192.168.2.0/24");
            Assert.DoesNotContain("! ", s.Text);
            s.Press(Key.Enter);

            // Page 3: the defaults (OVS GRE, obr0, gre0) are fine.
            Assert.Contains("Tunnel wizard, 3 of 4: tunnel", s.Text);
            Assert.Contains("ovs-gre", s.Text);
            s.Press(Key.Enter);

            // Page 4: both plans, with the MTU and why.
            var preview = s.Text;
            Assert.Contains("Tunnel wizard, 4 of 4: preview of both plans", preview);
            Assert.Contains("MTU 1462 on br0 and obr0", preview);
            Assert.Contains("## this host", preview);
            var all = string.Join("\n", s.Window.Wizard.Flow.Preview());
            Assert.Contains("ip link add name br0 type bridge", all);
            Assert.Contains("options:remote_ip=10.10.0.2", all);
            Assert.Contains("options:remote_ip=10.10.0.1", all); // the peer's plan points back here
            Assert.Contains("ip route add 192.168.1.0/24 dev br0", all);

            // By default the plans go to NetTui's state directory (never the current one), and the hint says so.
            var stateDir = Path.GetDirectoryName(NetTui.History.HistoryLocation.Resolve(null))!;
            Assert.Equal(stateDir, Path.GetDirectoryName(s.Window.Wizard.SavePath));
            Assert.Contains($"to {stateDir}", preview);

            // F5 saves both plans, owner-only (they can hold tunnel keys); they read back as valid plan files.
            s.Window.Wizard.SavePath = Path.Combine(dir.FullName, "t.plan.json");
            s.Press(Key.F5);
            Assert.Contains("saved", s.Text);
            Assert.True(PlanFileJson.Read(File.ReadAllText(Path.Combine(dir.FullName, "t.plan.json"))).Ok);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir.FullName, "t.plan.json")));
            var peer = PlanFileJson.Read(File.ReadAllText(Path.Combine(dir.FullName, "t.peer.plan.json")));
            Assert.True(peer.Ok);
            Assert.Equal("peer", peer.Plan!.Metadata.Role);

            // Esc walks back page by page and closes on the first.
            s.Press(Key.Esc);
            Assert.Contains("3 of 4", s.Text);
            s.Press(Key.Esc, Key.Esc, Key.Esc);
            Assert.False(s.Window.Wizard.Visible);
            Assert.DoesNotContain("Tunnel wizard", s.Text);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void F6_applies_this_hosts_plan_through_the_change_path_of_the_forms()
    {
        using var s = new Screen(Host(), width: 120, height: 40, readOnly: false);
        var applied = new List<Operation>();
        s.Window.ApplyChanges = a =>
        {
            var ops = a.Operations;
            applied.AddRange(ops);
            return Task.FromResult(new ChangeReport(Guid.Empty, new NetworkTarget("ntl-ui"), ChangeOutcome.Applied,
                $"applied {ops.Count} operation(s)", [], [], null, [], [], [], [], null, null));
        };
        s.Press(Key.W).Press(Key.Tab).Type("10.10.0.2").Press(Key.Enter);
        s.Type("192.168.1.0/24").Press(Key.Tab, Key.Tab).Type("192.168.2.0/24").Press(Key.Enter);
        s.Press(Key.Enter);
        Assert.Contains("4 of 4", s.Text);
        var plan = s.Window.Wizard.Flow!.Result!.Local!;

        s.Press(Key.F6);
        Assert.Equal(plan.Operations, applied);
        Assert.Contains("applying this host's plan", s.Window.Wizard.LastMessage, StringComparison.Ordinal);
        s.Press(Key.Esc, Key.Esc, Key.Esc, Key.Esc);
        Assert.Contains($"tunnel wizard: applied {plan.Operations.Length} operation(s)", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flow_refuses_next_until_the_page_is_valid()
    {
        var flow = new TunnelWizardFlow(Host());
        Assert.False(flow.Next());
        flow.Set("peer-underlay", "10.10.0.2");
        Assert.True(flow.Next());
        flow.Set("local-subnet", "10.10.0.0/16");
        flow.Set("peer-subnet", "192.168.2.0/24");
        Assert.Contains(flow.Errors, e => e.Field == "local-subnet");
        Assert.False(flow.Next());
        Assert.Equal(WizardPage.Containers, flow.Page);
    }
}
