using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;

namespace NetTui.Live;

/// <summary>
/// Turns a burst of netlink events into one refresh of only the parts they touch: a link
/// event re-reads links and bridges, an address event links, a route event routes (so a
/// new veth does not make NetTui re-read 200,000 routes). Fires after a quiet period, or
/// at the latest after <c>maxDelay</c> while events keep coming.
/// </summary>
public sealed class ChangeDebouncer : IDisposable
{
    private readonly object _gate = new();
    private readonly Action<InventoryParts> _flush;
    private readonly TimeSpan _quiet;
    private readonly TimeSpan _maxDelay;
    private readonly Timer _timer;
    private InventoryParts _pending;
    private DateTime _firstEvent;

    public ChangeDebouncer(Action<InventoryParts> flush, TimeSpan? quiet = null, TimeSpan? maxDelay = null)
    {
        _flush = flush;
        // 50 ms: the events of one change (a veth pair is two links) arrive within a few ms;
        // a longer wait would be most of the 200 ms budget for showing a live change.
        _quiet = quiet ?? TimeSpan.FromMilliseconds(50);
        _maxDelay = maxDelay ?? TimeSpan.FromSeconds(1);
        _timer = new Timer(_ => Fire());
    }

    public static InventoryParts PartsFor(NetlinkChange change)
    {
        var parts = InventoryParts.None;
        if (change.HasFlag(NetlinkChange.Link)) parts |= InventoryParts.Links | InventoryParts.Bridges;
        if (change.HasFlag(NetlinkChange.Address)) parts |= InventoryParts.Links;
        if (change.HasFlag(NetlinkChange.Route)) parts |= InventoryParts.Routes;
        return parts;
    }

    public void Add(NetlinkChange change)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (_pending == InventoryParts.None) _firstEvent = now;
            _pending |= PartsFor(change);
            var waited = now - _firstEvent;
            var due = waited + _quiet >= _maxDelay ? _maxDelay - waited : _quiet;
            _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        InventoryParts parts;
        lock (_gate)
        {
            parts = _pending;
            _pending = InventoryParts.None;
        }
        if (parts != InventoryParts.None) _flush(parts);
    }

    public void Dispose() => _timer.Dispose();
}
