using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Values;
using NetTui.Core.Wizard;

namespace NetTui.Presentation.Wizard;

/// <summary>The wizard's screens, in order.</summary>
public enum WizardPage { Underlay, Containers, Tunnel, Preview }

/// <summary>
/// The tunnel wizard's state machine, free of Terminal.Gui: the input typed so far, the page,
/// the errors of this page as the admin types, and on the last page both plans with their
/// preview. The view only shows fields and forwards keys.
/// </summary>
public sealed class TunnelWizardFlow(HostSnapshot host, Func<DateTimeOffset>? clock = null)
{
    public WizardPage Page { get; private set; } = WizardPage.Underlay;
    public TunnelWizardInput Input { get; private set; } = new() { LocalUnderlay = TunnelWizardOffers.Underlay(host).FirstOrDefault()?.Value ?? "" };
    public TunnelWizardResult? Result { get; private set; }
    public HostSnapshot Host => host;

    public IReadOnlyList<TunnelWizardOffers.Offer> UnderlayOffers { get; } = TunnelWizardOffers.Underlay(host);
    public IReadOnlyList<TunnelWizardOffers.Offer> BridgeOffers { get; } = TunnelWizardOffers.Bridges(host);

    /// <summary>The input fields on each page, by their CLI/error names.</summary>
    public static IReadOnlyList<string> FieldsOf(WizardPage page) => page switch
    {
        WizardPage.Underlay => ["local-underlay", "peer-underlay"],
        WizardPage.Containers => ["local-subnet", "bridge", "peer-subnet"],
        WizardPage.Tunnel => ["kind", "key", "ovs-bridge", "port", "docker-bridge"],
        _ => [],
    };

    public string Get(string field) => field switch
    {
        "local-underlay" => Input.LocalUnderlay,
        "peer-underlay" => Input.PeerUnderlay,
        "local-subnet" => Input.LocalSubnet,
        "peer-subnet" => Input.PeerSubnet,
        "bridge" => Input.Bridge,
        "kind" => Input.Kind.Word(),
        "key" => Input.Key ?? "",
        "ovs-bridge" => Input.OvsBridge,
        "port" => Input.Port ?? "",
        "docker-bridge" => Input.DockerBridge ? "yes" : "no",
        _ => throw new ArgumentException($"no field {field}", nameof(field)),
    };

    /// <summary>Sets one field as typed; the errors follow at once.</summary>
    public void Set(string field, string value)
    {
        value = value.Trim();
        Input = field switch
        {
            "local-underlay" => Input with { LocalUnderlay = value },
            "peer-underlay" => Input with { PeerUnderlay = value },
            "local-subnet" => Input with { LocalSubnet = value },
            "peer-subnet" => Input with { PeerSubnet = value },
            "bridge" => Input with { Bridge = value },
            "kind" => Input with { Kind = TunnelKinds.Parse(value) },
            "key" => Input with { Key = value.Length == 0 ? null : value },
            "ovs-bridge" => Input with { OvsBridge = value },
            "port" => Input with { Port = value.Length == 0 ? null : value },
            "docker-bridge" => Input with { DockerBridge = value is "yes" or "y" or "true" },
            _ => throw new ArgumentException($"no field {field}", nameof(field)),
        };
        Result = null;
    }

    /// <summary>Picking a bridge offer ("docker0 172.17.0.1/16") fills both the bridge name and its subnet.</summary>
    public void PickBridge(TunnelWizardOffers.Offer offer)
    {
        var parts = offer.Value.Split(' ');
        Set("bridge", parts[0]);
        Set("local-subnet", parts[1]);
    }

    /// <summary>This page's errors (and earlier pages'), as the admin types; empty = Next works.</summary>
    public IReadOnlyList<ValueError> Errors
    {
        get
        {
            if (Page == WizardPage.Underlay) return TunnelWizardOffers.CheckUnderlay(Input, host);
            if (Page == WizardPage.Preview) return Result?.Errors ?? [];
            var shown = Enumerable.Range(0, (int)Page + 1).SelectMany(p => FieldsOf((WizardPage)p)).ToHashSet();
            return [.. TunnelWizard.Plan(Input, host, clock?.Invoke()).Errors.Where(e => shown.Contains(e.Field))];
        }
    }

    public bool Next()
    {
        if (Page == WizardPage.Preview || Errors.Count > 0) return false;
        if (Page == WizardPage.Tunnel)
        {
            Result = TunnelWizard.Plan(Input, host, clock?.Invoke());
            if (!Result.Ok) return false;
        }
        Page++;
        return true;
    }

    /// <summary>One page back; false on the first page (the view closes the wizard then).</summary>
    public bool Back()
    {
        if (Page == WizardPage.Underlay) return false;
        Page--;
        return true;
    }

    /// <summary>The last page: what was decided and why, then both plans' exact commands.</summary>
    public IReadOnlyList<string> Preview()
    {
        if (Result is not { Ok: true } r) return [];
        var lines = new List<string>();
        lines.AddRange(r.Messages.Select(m => "note: " + m));
        lines.Add("");
        lines.Add("## this host");
        lines.AddRange(PreviewOf(r.Local!, host));
        lines.Add("");
        lines.Add($"## the peer ({Input.PeerUnderlay}): carry the peer plan over and run nettui apply there");
        lines.AddRange(PreviewOf(r.Peer!, PeerPreviewHost.For(Input, host)));
        return lines;
    }

    private static IEnumerable<string> PreviewOf(PlanFile plan, HostSnapshot on)
    {
        var check = PlanValidator.Check(plan.Operations, on, OperationContext.Default);
        foreach (var c in check.Operations)
            foreach (var line in PlanPreview.Lines(c.Operation, c.Steps, NetworkTarget.Current))
                yield return line;
        foreach (var e in check.Errors) yield return $"# cannot run yet: {e}";
    }
}
