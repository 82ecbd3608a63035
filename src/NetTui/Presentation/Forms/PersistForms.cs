using NetTui.Core.Model;
using NetTui.Core.Persisting;

namespace NetTui.Presentation.Forms;

/// <summary>
/// `p` "make persistent": the form that gives a runtime-only bridge or interface (and so its
/// addresses, routes and ports) the NetworkManager profile that builds it as it is now
/// (<see cref="MakePersistent"/>), or on a host configured by files the backend's files
/// (<see cref="Core.Persisting.Backends.KeepAtBoot"/>, chosen by PersistenceLabel). Its preview
/// is the profile steps (AddConnection2, activate) or the files.
/// </summary>
public static class PersistForms
{
    /// <summary>Interfaces that nothing recreates at boot and that a profile could hold.</summary>
    public static IReadOnlyList<string> Candidates(HostSnapshot h) =>
        [.. h.Links.Where(l => PersistenceText.Lost(l.Persistence)
                               && l.Kind is LinkKind.Bridge or LinkKind.Ethernet or LinkKind.Veth or LinkKind.Tap).Select(l => l.Name)];

    public static FormSpec MakePersistentForm(HostSnapshot h, string iface) => new($"Make {iface} persistent (its preview names the profile or files)",
        [new("interface", "Interface", FieldKind.Picker, iface, Candidates(h))],
        v => [new MakePersistent(v.TryGetValue("interface", out var s) ? s.Trim() : "")], "Make persistent");

    /// <summary>The form `p` opens in <paramref name="view"/> for the selected row's object, or why there is none.</summary>
    public static (FormSpec? Form, string? Why) For(ViewKind view, object? selected, HostSnapshot h)
    {
        string? iface;
        switch (view, selected)
        {
            case (_, null):
                return (null, "select a runtime-only bridge or interface first");
            case (ViewKind.Interfaces, Link l):
                iface = l.Name;
                break;
            case (ViewKind.Bridges, BridgeRow row):
                iface = row.Bridge.Name; // a port row: the bridge takes its ports with it
                break;
            case (ViewKind.Drift, DriftItem item):
                if (!DriftPresenter.CanMakePersistent(item) || item.Interface is null) return (null, $"not with p: {item.Fix}");
                if (item.Kind == DriftKind.RuntimeAddress) return (null, $"{item.Interface} already has profile {item.Profile}: {item.Fix}");
                iface = item.Interface;
                break;
            case (ViewKind.Interfaces or ViewKind.Bridges or ViewKind.Drift, _):
                return (null, "select a runtime-only bridge or interface first");
            default:
                return (null, $"no make-persistent in {view.Title()}");
        }
        var link = h.FindLink(iface);
        if (link is null) return (null, $"there is no interface {iface}");
        if (link.Persistence is null) return (null, "where it persists is not known yet (NetworkManager not read); press r");
        if (!PersistenceText.Lost(link.Persistence)) return (null, $"{iface} already persists: {PersistenceText.Long(link.Persistence)}");
        return (MakePersistentForm(h, iface), null);
    }
}
