using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>Which presenter makes the rows of which view.</summary>
public static class Presenters
{
    public static IRowSet Rows(ViewKind view, SnapshotIndex ix) => view switch
    {
        ViewKind.Interfaces => InterfacesPresenter.Rows(ix),
        ViewKind.Bridges => BridgesPresenter.Rows(ix),
        ViewKind.OpenVSwitch => OvsPresenter.Rows(ix),
        ViewKind.Routes => RoutesPresenter.Rows(ix),
        ViewKind.Containers => ContainersPresenter.Rows(ix),
        ViewKind.Topology => TopologyPresenter.Rows(ix),
        ViewKind.Drift => DriftPresenter.Rows(ix),
        _ => throw new ArgumentOutOfRangeException(nameof(view)),
    };

    public static IRowSet Rows(ViewKind view, HostSnapshot snapshot) => Rows(view, new SnapshotIndex(snapshot));
}
