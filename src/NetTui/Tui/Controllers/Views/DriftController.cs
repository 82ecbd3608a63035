using NetTui.Core.Persisting;
using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Drift: a row is a <see cref="DriftItem"/>; `p` gives a runtime-only object its profile.</summary>
internal sealed class DriftController : ViewController
{
    public override ViewKind View => ViewKind.Drift;

    public override IReadOnlyDictionary<FormVerb, FormFor> Forms { get; } = new Dictionary<FormVerb, FormFor>
    {
        [FormVerb.Persist] = (selected, h) => Persist(ViewKind.Drift, selected, h),
    };
}
