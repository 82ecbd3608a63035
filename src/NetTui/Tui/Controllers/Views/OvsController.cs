using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Open vSwitch: a row is an <see cref="OvsRow"/> (a bridge, or a port's interface).</summary>
internal sealed class OvsController : ViewController
{
    public override ViewKind View => ViewKind.OpenVSwitch;

    public override IReadOnlyDictionary<FormVerb, FormFor> Forms { get; } = new Dictionary<FormVerb, FormFor>
    {
        [FormVerb.New] = (_, h) => (FormCatalog.OvsBridgeAdd(h), null),
        [FormVerb.Add] = (selected, h) => (FormCatalog.OvsTunnelPortAdd(h, (selected as OvsRow)?.Bridge.Name), null),
        [FormVerb.Delete] = (selected, h) => selected switch
        {
            OvsRow { Port: { } port } row => (FormCatalog.OvsPortDel(h, row.Bridge.Name, port.Name), null),
            OvsRow row => (FormCatalog.OvsBridgeDel(h, row.Bridge.Name), null),
            _ => (null, "select an OVS bridge or port first"),
        },
    };
}
