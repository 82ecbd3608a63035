using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Bridges: a row is a <see cref="BridgeRow"/> (a bridge, or one of its ports).</summary>
internal sealed class BridgesController : ViewController
{
    public override ViewKind View => ViewKind.Bridges;

    public override IReadOnlyDictionary<FormVerb, FormFor> Forms { get; } = new Dictionary<FormVerb, FormFor>
    {
        [FormVerb.New] = (_, h) => (FormCatalog.BridgeAdd(h), null),
        [FormVerb.Add] = (selected, h) => (FormCatalog.Attach(h, (selected as BridgeRow)?.Bridge.Name, null), null),
        [FormVerb.Delete] = (selected, h) => selected switch
        {
            BridgeRow { Port: { } port } => (FormCatalog.Detach(h, port.Name), null),
            BridgeRow row => (FormCatalog.BridgeDel(h, row.Bridge.Name), null),
            _ => (null, "select a bridge or port first"),
        },
        [FormVerb.Edit] = (selected, h) => (FormCatalog.DockerBridge(h, (selected as BridgeRow)?.Bridge.Name), null),
        [FormVerb.Persist] = (selected, h) => Persist(ViewKind.Bridges, selected, h),
    };
}
