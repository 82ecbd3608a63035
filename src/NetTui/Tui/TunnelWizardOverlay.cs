using NetTui.Files;
using NetTui.Core.Plans;
using NetTui.Presentation.Wizard;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// The tunnel wizard, screen by screen, over the main window (an overlay like help, so it
/// runs the same in headless tests). All decisions are <see cref="TunnelWizardFlow"/>'s;
/// this view lays out the page's fields, shows the errors as the admin types, and on the
/// last page the preview of both plans. Keys: Enter next, Esc back (closes on the first
/// page), Tab/Shift+Tab field, F3 next offer from the host, F5 save both plans, F6 apply.
/// </summary>
internal sealed class TunnelWizardOverlay : View
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["local-underlay"] = "This host's underlay address",
        ["peer-underlay"] = "The peer's underlay address",
        ["local-subnet"] = "This host's container subnet",
        ["bridge"] = "Linux bridge for the containers",
        ["peer-subnet"] = "The peer's container subnet",
        ["kind"] = "Tunnel kind (ovs-gre, gre, gretap)",
        ["key"] = "GRE key (optional)",
        ["ovs-bridge"] = "OVS bridge",
        ["port"] = "GRE port / tunnel (empty = default)",
        ["docker-bridge"] = "Docker's default bridge too (yes/no)",
    };

    private readonly List<WizardField> _fields = [];
    private readonly Label _errors = new() { X = 1, Y = Pos.AnchorEnd(3), Width = Dim.Fill(1), Height = 2 };
    private readonly Label _hints = new() { X = 1, Y = Pos.AnchorEnd(1), Width = Dim.Fill(1), Height = 1 };
    private TunnelWizardFlow? _flow;
    private int _offer = -1;

    public TunnelWizardOverlay()
    {
        Overlay.Frame(this);
    }

    public TunnelWizardFlow? Flow => _flow;

    /// <summary>The message of the last save/apply ("saved ..."), for the tests and the status line.</summary>
    public string? LastMessage { get; private set; }

    /// <summary>
    /// Where F5 writes this host's plan; the peer's goes next to it (.peer.plan.json). By
    /// default NetTui's state directory (beside the journal), never the directory the TUI was
    /// started in, which may be one others can write.
    /// </summary>
    public string SavePath { get; set; } = Path.Combine(Composition.HostOptions.DefaultStateDirectory(), PlanFileName);

    public const string PlanFileName = "nettui-tunnel.plan.json";

    /// <summary>Raised by F6 with this host's plan; without a handler F6 says how to apply from the command line.</summary>
    public event Func<PlanFile, string>? ApplyRequested;

    public event Action? Closed;

    public void Open(TunnelWizardFlow flow)
    {
        _flow = flow;
        Visible = true;
        ShowPage();
    }

    public void Close()
    {
        Visible = false;
        RemoveAll();
        _fields.Clear();
        Closed?.Invoke();
    }

    /// <summary>Keys while open. False = not the wizard's: typing goes on to the focused field.</summary>
    public bool HandleKey(Key key)
    {
        var flow = _flow!;
        if (key == Key.Esc)
        {
            if (flow.Back()) ShowPage(); else Close();
            return true;
        }
        if (key == Key.Enter || key == Key.F2)
        {
            if (flow.Next()) ShowPage(); else ShowErrors();
            return true;
        }
        if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            MoveFocus(key == Key.Tab ? 1 : -1);
            return true;
        }
        if (key == Key.F3) { PickOffer(); return true; }
        if (key == Key.F5 && flow.Page == WizardPage.Preview) { Save(); return true; }
        if (key == Key.F6 && flow.Page == WizardPage.Preview) { Apply(); return true; }
        return false;
    }

    private void ShowPage()
    {
        var flow = _flow!;
        RemoveAll();
        _fields.Clear();
        _offer = -1;
        var n = (int)flow.Page + 1;
        Title = $"Tunnel wizard, {n} of 4: {PageTitle(flow.Page)}";
        if (flow.Page == WizardPage.Preview)
        {
            // TextView is marked obsolete in 2.5.0 in favour of a separate package; it is still the
            // scrollable read-only text view this page needs (the preview is longer than the screen).
#pragma warning disable CS0618
            var preview = new TextView { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(4), ReadOnly = true, WordWrap = false, Text = string.Join("\n", flow.Preview()) };
#pragma warning restore CS0618
            Add(preview);
        }
        else
        {
            var y = 0;
            foreach (var name in TunnelWizardFlow.FieldsOf(flow.Page))
            {
                var label = new Label { X = 1, Y = y, Text = Labels[name] + ":" };
                Plain.Text(label);
                var field = new WizardField(name) { X = 40, Y = y, Width = Dim.Fill(2), Text = flow.Get(name) };
                field.TextChanged += (_, _) => { flow.Set(field.Field, field.Text); ShowErrors(); };
                _fields.Add(field);
                Add(label, field);
                y += 2;
            }
            var offers = OffersLine(flow);
            if (offers is not null) Add(new Label { X = 1, Y = y, Width = Dim.Fill(1), Text = offers });
        }
        _hints.Text = flow.Page == WizardPage.Preview
            ? $"F5 save both plans (to {Path.GetDirectoryName(Path.GetFullPath(SavePath))})   F6 apply this host's plan   Esc back"
            : "Enter next   Esc back   Tab field   F3 next offer from this host";
        Add(_errors, _hints);
        ShowErrors();
        if (_fields.Count > 0) _fields[0].SetFocus(); else SetFocus();
        SetNeedsDraw();
    }

    private static string PageTitle(WizardPage p) => p switch
    {
        WizardPage.Underlay => "underlay",
        WizardPage.Containers => "container subnets",
        WizardPage.Tunnel => "tunnel",
        _ => "preview of both plans",
    };

    private static string? OffersLine(TunnelWizardFlow flow) => flow.Page switch
    {
        WizardPage.Underlay when flow.UnderlayOffers.Count > 0 => "Offered: " + string.Join(", ", flow.UnderlayOffers.Select(o => o.Label)),
        WizardPage.Containers when flow.BridgeOffers.Count > 0 => "Offered: " + string.Join(", ", flow.BridgeOffers.Select(o => o.Label)),
        _ => null,
    };

    private void ShowErrors()
    {
        var errors = _flow!.Errors;
        _errors.Text = errors.Count == 0 ? (LastMessage ?? "") : string.Join("\n", errors.Take(2).Select(e => $"! {e}"));
        SetNeedsDraw();
    }

    private void MoveFocus(int step)
    {
        if (_fields.Count == 0) return;
        var i = _fields.FindIndex(f => f.HasFocus);
        _fields[(i + step + _fields.Count) % _fields.Count].SetFocus();
    }

    /// <summary>F3: the next address (first page) or bridge (second page) this host has, into the fields.</summary>
    private void PickOffer()
    {
        var flow = _flow!;
        if (flow.Page == WizardPage.Underlay && flow.UnderlayOffers.Count > 0)
        {
            _offer = (_offer + 1) % flow.UnderlayOffers.Count;
            flow.Set("local-underlay", flow.UnderlayOffers[_offer].Value);
        }
        else if (flow.Page == WizardPage.Containers && flow.BridgeOffers.Count > 0)
        {
            _offer = (_offer + 1) % flow.BridgeOffers.Count;
            flow.PickBridge(flow.BridgeOffers[_offer]);
        }
        else return;
        foreach (var f in _fields) f.Text = flow.Get(f.Field);
        ShowErrors();
    }

    private void Save()
    {
        var r = _flow!.Result!;
        var peer = PeerPath(SavePath);
        try
        {
            SafeFileWriter.Write(SavePath, PlanFileJson.Write(r.Local!));
            SafeFileWriter.Write(peer, PlanFileJson.Write(r.Peer!));
            LastMessage = $"saved {SavePath} (nettui apply it here) and {peer} (carry it to the peer)";
        }
        catch (IOException e)
        {
            LastMessage = $"not saved: {e.Message}";
        }
        ShowErrors();
    }

    private void Apply()
    {
        var r = _flow!.Result!;
        LastMessage = ApplyRequested is { } apply ? apply(r.Local!) : $"apply from the command line: F5 saves, then nettui apply {SavePath}";
        ShowErrors();
    }

    public static string PeerPath(string path) =>
        path.EndsWith(".plan.json", StringComparison.Ordinal) ? path[..^".plan.json".Length] + ".peer.plan.json" : path + ".peer.json";
}
