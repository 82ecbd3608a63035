using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Topology: a picture to look at and jump from; its rows change nothing.</summary>
internal sealed class TopologyController : ViewController
{
    public override ViewKind View => ViewKind.Topology;
    public override IReadOnlyDictionary<FormVerb, FormFor> Forms { get; } = new Dictionary<FormVerb, FormFor>();
}
