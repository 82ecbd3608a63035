using NetTui.Core.Model;
using NetTui.Core.Persisting;

namespace NetTui.Presentation;

/// <summary>
/// Drift view: one row per difference between what the persisted configuration builds at
/// boot (NetworkManager's saved profiles) and what runs now, with how to fix it. The list is
/// small; finding it is one pass over the snapshot (<see cref="DriftFinder"/>).
/// </summary>
public static class DriftPresenter
{
    public static string Key(DriftItem d) => $"{d.Kind}|{d.Object}";

    public static IRowSet Rows(SnapshotIndex ix)
    {
        // Persistence is only known after a full read (NetworkManager consulted); before that
        // every link's Persistence is null and there is nothing to compare.
        System.Collections.Immutable.ImmutableArray<DriftItem> items = ix.Snapshot.NetworkManager is null ? [] : DriftFinder.Find(ix.Snapshot);
        return new RowSet<DriftItem>(
            ViewKind.Drift,
            items,
            [
                new("Kind", d => KindText(d.Kind)),
                new("Object", d => d.Object),
                new("Difference", d => d.Message),
                new("Fix", d => d.Fix),
            ],
            Key,
            d => Detail(ix, d),
            tone: d => d.Kind is DriftKind.ProfileDeviceMissing or DriftKind.PortMismatch ? RowTone.Error : RowTone.Warn);
    }

    public static string KindText(DriftKind k) => k switch
    {
        DriftKind.ProfileDeviceMissing => "device missing",
        DriftKind.RuntimeBridge => "runtime bridge",
        DriftKind.AddressMissing => "address missing",
        DriftKind.RuntimeAddress => "runtime address",
        DriftKind.RouteMissing => "route missing",
        DriftKind.RuntimeRoute => "runtime route",
        DriftKind.PortMismatch => "port differs",
        _ => k.ToString(),
    };

    /// <summary>Whether `p` (make persistent) applies: something that runs now and that no profile holds.</summary>
    public static bool CanMakePersistent(DriftItem d) => d.Kind is DriftKind.RuntimeBridge or DriftKind.RuntimeAddress;

    public static DetailModel Detail(SnapshotIndex ix, DriftItem d)
    {
        var b = new DetailBuilder($"Drift: {KindText(d.Kind)} {d.Object}")
            .Add("difference", d.Message)
            .Add("fix", d.Fix)
            .Add("profile", d.Profile)
            .Add("interface", d.Interface);
        if (d.Profile is not null) b.Command($"nmcli connection show {d.Profile}");
        if (d.Interface is not null && ix.Link(d.Interface) is not null)
        {
            b.Command($"ip addr show dev {d.Interface}");
            b.Related($"interface {d.Interface}", ViewKind.Interfaces, d.Interface);
            if (ix.Bridge(d.Interface) is not null)
                b.Related($"bridge {d.Interface}", ViewKind.Bridges, BridgesPresenter.BridgeKey(d.Interface));
        }
        if (d.Kind is DriftKind.RouteMissing or DriftKind.RuntimeRoute)
            b.Command($"ip route show {d.Object["route ".Length..]}");
        return b.Build();
    }
}
