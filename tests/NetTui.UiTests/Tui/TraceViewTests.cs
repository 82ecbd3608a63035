using System.Collections.Immutable;
using NetTui.Core.Trace;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

/// <summary>`T` on a container headless: ask for TO, run the (scripted) trace, show its hops; Esc/any key closes.</summary>
[Collection(UiCollection.Name)]
public class TraceViewTests
{
    [Fact]
    public void T_on_a_container_asks_for_the_destination_and_shows_the_broken_hop()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 40);
        (string From, string Source, string To)? asked = null;
        s.Window.TraceRun = (snapshot, source, to, ct) =>
        {
            asked = (source.Label, source.Address.ToString(), to.ToString());
            return Task.FromResult(new TraceResult(source.Label, source.Address.ToString(), to.ToString(), null, null,
                [TraceHop.Ok("veth", "veth1a UP"), TraceHop.Broken("forwarding", "net.ipv4.ip_forward = 0", "sysctl -w net.ipv4.ip_forward=1")]));
        };
        s.Press(new Key('5'));   // Containers
        s.Press(Key.T.WithShift);
        Assert.True(s.Window.TraceOverlay.Visible);
        Assert.Contains("Destination address (TO):", s.Text);
        s.Type("10.99.0.7").Press(Key.Enter);
        Assert.Equal(("container web", "192.168.50.10", "10.99.0.7"), asked);   // the first row
        var text = s.Text;
        Assert.Contains("BROKEN forwarding", text);
        Assert.Contains("fix: sysctl -w net.ipv4.ip_forward=1", text);
        Assert.Contains("broken at forwarding", text);
        s.Press(Key.Q);   // any key closes the result (and does not quit)
        Assert.False(s.Window.TraceOverlay.Visible);
    }

    [Fact]
    public void A_bad_destination_is_said_in_the_overlay_and_T_elsewhere_does_nothing()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 40);
        s.Window.TraceRun = (_, _, _, _) => throw new InvalidOperationException("must not run");
        s.Press(Key.T.WithShift);
        Assert.False(s.Window.TraceOverlay.Visible);   // Interfaces view: not a container
        s.Press(new Key('5'), Key.T.WithShift).Type("nowhere").Press(Key.Enter);
        Assert.Contains("'nowhere' is not an IPv4 address", s.Window.TraceOverlay.ResultText);
    }
}
