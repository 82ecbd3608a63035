using NetTui.Core.Model;
using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Routes: a row is a <see cref="Route"/>.</summary>
internal sealed class RoutesController : ViewController
{
    public override ViewKind View => ViewKind.Routes;

    public override IReadOnlyDictionary<FormVerb, FormFor> Forms { get; } = new Dictionary<FormVerb, FormFor>
    {
        [FormVerb.New] = (_, h) => (FormCatalog.RouteAdd(h), null),
        [FormVerb.Delete] = (selected, h) => selected is Route route ? (FormCatalog.RouteDel(h, route), null) : (null, "select a route first"),
    };
}
