using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// What the per-form tests share: a headless screen on a view, a change path that records
/// the operations it is given instead of running them (and reports them applied, with the
/// operations' notes as the executor does), and a lab snapshot with kernel GRE tunnels.
/// </summary>
internal static class FormHarness
{
    /// <summary>The object the presenter shows in the row with <paramref name="key"/> (what a key acts on when that row is selected).</summary>
    public static object Row(HostSnapshot h, ViewKind view, string key)
    {
        var rows = Presenters.Rows(view, new SnapshotIndex(h));
        for (var i = 0; i < rows.Count; i++)
            if (rows.Key(i) == key) return rows.Subject(i);
        throw new InvalidOperationException($"no row {key} in {view}");
    }

    public sealed class Recorder
    {
        public List<Operation> Applied { get; } = [];

        public Task<ChangeReport> Apply(IReadOnlyList<Operation> ops)
        {
            Applied.AddRange(ops);
            return Task.FromResult(new ChangeReport(Guid.Empty, new NetworkTarget("ntl-demo"), ChangeOutcome.Applied,
                "applied: " + string.Join(", ", ops.Select(o => o.Describe())), [], [], null, [], [], [],
                [.. ops.SelectMany(o => o.Notes(OperationContext.Default))], null, null));
        }
    }

    /// <summary>The main window on <paramref name="view"/> with the recording change path (wide enough for whole command lines).</summary>
    public static (Screen S, Recorder R) Open(ViewKind view, HostSnapshot? host = null, Func<string, string?>? readFile = null,
        int width = 160, int height = 45)
    {
        var s = new Screen(host ?? LabSnapshots.Lab(), width, height, readOnly: false);
        var r = new Recorder();
        s.Window.ApplyChanges = a => r.Apply(a.Operations);
        s.Window.ReadFile = readFile;
        s.Window.ShowView(view);
        s.App.LayoutAndDraw();
        return (s, r);
    }

    /// <summary>Empties the focused field the way an admin would: End, then Backspace.</summary>
    public static Screen ClearField(this Screen s)
    {
        s.Press(Key.End);
        for (var i = 0; i < 40; i++) s.Press(Key.Backspace);
        return s;
    }

    /// <summary>A 16-byte name: one byte more than the kernel's IFNAMSIZ allows.</summary>
    public const string SixteenBytes = "abcdefghijklmnop";

    /// <summary>
    /// The lab plus kernel GRE tunnels: gre5 (gre, with a static route through it), gtap1
    /// (gretap, a port of br0) and gre9 (gre whose parameters the snapshot does not carry).
    /// </summary>
    public static HostSnapshot LabWithIpTunnels()
    {
        var lab = LabSnapshots.Lab();
        var v4 = new LinkAddress(AddressFamily.Inet, "10.77.0.1", 30, "global");
        return lab with
        {
            Links =
            [
                .. lab.Links,
                new(12, "gre5", LinkKind.Gre, "UNKNOWN", true, 1476, null, null, null, null, [v4], Tunnel: new("10.10.0.9", "10.0.2.15", 7, 64)),
                new(13, "gtap1", LinkKind.Gretap, "UNKNOWN", true, 1462, "aa:bb:cc:00:00:0d", "br0", 4, null, [], Tunnel: new("10.10.0.8", null, null, null)),
                new(14, "gre9", LinkKind.Gre, "UNKNOWN", true, 1476, null, null, null, null, []),
            ],
            Bridges = [lab.Bridges[0] with { Ports = [.. lab.Bridges[0].Ports, new("gtap1", 13, "forwarding", 2, 32)] }, lab.Bridges[1]],
            Routes = [.. lab.Routes, new(AddressFamily.Inet, "10.88.0.0/16", null, "gre5", "static", "link", null, "main", "unicast")],
        };
    }
}
