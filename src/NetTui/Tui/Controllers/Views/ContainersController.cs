using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Containers: `n` and `e` both open Docker's default bridge (daemon.json).</summary>
internal sealed class ContainersController : ViewController
{
    public override ViewKind View => ViewKind.Containers;

    public override IReadOnlyDictionary<FormVerb, FormFor> Forms { get; } = new Dictionary<FormVerb, FormFor>
    {
        [FormVerb.New] = (_, h) => (FormCatalog.DockerBridge(h, null), null),
        [FormVerb.Edit] = (_, h) => (FormCatalog.DockerBridge(h, null), null),
    };
}
