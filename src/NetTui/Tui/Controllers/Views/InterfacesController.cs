using NetTui.Core.Model;
using NetTui.Presentation;
using NetTui.Presentation.Forms;

namespace NetTui.Tui.Controllers.Views;

/// <summary>Interfaces: a row is a <see cref="Link"/>.</summary>
internal sealed class InterfacesController : ViewController
{
    public override ViewKind View => ViewKind.Interfaces;

    public override IReadOnlyDictionary<FormVerb, FormFor> Forms { get; } = new Dictionary<FormVerb, FormFor>
    {
        [FormVerb.New] = (_, h) => (FormCatalog.NewInterface(h), null),
        [FormVerb.Add] = (selected, h) => (FormCatalog.AddressAdd(h, (selected as Link)?.Name), null),
        [FormVerb.Edit] = (selected, h) => selected is Link link ? (FormCatalog.LinkEdit(h, link.Name), null) : (null, "select an interface to edit"),
        [FormVerb.Delete] = Delete,
        [FormVerb.Persist] = (selected, h) => Persist(ViewKind.Interfaces, selected, h),
    };

    /// <summary>What deleting an interface means depends on what it is: a bridge, a tunnel, a port (detach), else its address.</summary>
    private static (FormSpec?, string?) Delete(object? selected, HostSnapshot h)
    {
        if (selected is not Link link) return (null, "select an interface first");
        if (link.Kind == LinkKind.Bridge) return (FormCatalog.BridgeDel(h, link.Name), null);
        if (link.Kind is LinkKind.Gre or LinkKind.Gretap) return (FormCatalog.IpTunnelDel(h, link.Name), null);
        if (link.Kind == LinkKind.Vxlan) return (FormCatalog.VxlanDel(h, link.Name), null);
        if (link.Master is not null) return (FormCatalog.Detach(h, link.Name), null);
        return link.Addresses.Any(a => a.Scope != "link") ? (FormCatalog.AddressDel(h, link.Name), null) : (null, $"{link.Name} has no address to remove");
    }
}
