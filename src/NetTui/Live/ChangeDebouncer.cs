using System.Collections.Immutable;
using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;

namespace NetTui.Live;

/// <summary>
/// What a burst of netlink events asks to re-read: whole parts (<see cref="Parts"/>) and
/// single links (<see cref="Links"/>: ifindex to name, from link and address events that
/// named their interface).
/// </summary>
public sealed record ChangeBatch(InventoryParts Parts, ImmutableDictionary<int, string> Links)
{
    public static readonly ChangeBatch Empty = new(InventoryParts.None, ImmutableDictionary<int, string>.Empty);
    public bool IsEmpty => Parts == InventoryParts.None && Links.IsEmpty;
}

/// <summary>
/// Turns a burst of netlink events into one refresh of only what they touch: a link or
/// address event that names its interface re-reads that link alone; one that does not
/// re-reads links and bridges; a route event routes (so a new veth does not make NetTui
/// re-read 200,000 routes, nor 2,000 links). Fires after a quiet period, or at the latest
/// after <c>maxDelay</c> while events keep coming.
/// </summary>
public sealed class ChangeDebouncer : IDisposable
{
    /// <summary>More links than this in one burst (a script making hundreds of veths): one
    /// read of all links is cheaper than one `ip` call per link.</summary>
    public const int MaxSingleLinks = 16;

    private readonly object _gate = new();
    private readonly Action<ChangeBatch> _flush;
    private readonly TimeSpan _quiet;
    private readonly TimeSpan _maxDelay;
    private readonly Timer _timer;
    private InventoryParts _pending;
    private ImmutableDictionary<int, string> _links = ImmutableDictionary<int, string>.Empty;
    private DateTime _firstEvent;

    public ChangeDebouncer(Action<ChangeBatch> flush, TimeSpan? quiet = null, TimeSpan? maxDelay = null)
    {
        _flush = flush;
        // 50 ms: the events of one change (a veth pair is two links) arrive within a few ms;
        // a longer wait would be most of the 200 ms budget for showing a live change.
        _quiet = quiet ?? TimeSpan.FromMilliseconds(50);
        _maxDelay = maxDelay ?? TimeSpan.FromSeconds(1);
        _timer = new Timer(_ => Fire());
    }

    /// <summary>Whole parts only (every link event re-reads all links).</summary>
    public ChangeDebouncer(Action<InventoryParts> flush, TimeSpan? quiet = null, TimeSpan? maxDelay = null)
        : this(b => flush(b.Parts | (b.Links.IsEmpty ? InventoryParts.None : PartsFor(NetlinkChange.Link))), quiet, maxDelay)
    {
    }

    public static InventoryParts PartsFor(NetlinkChange change)
    {
        var parts = InventoryParts.None;
        if (change.HasFlag(NetlinkChange.Link)) parts |= InventoryParts.Links | InventoryParts.Bridges;
        if (change.HasFlag(NetlinkChange.Address)) parts |= InventoryParts.Links;
        if (change.HasFlag(NetlinkChange.Route)) parts |= InventoryParts.Routes;
        return parts;
    }

    public void Add(NetlinkChange change) => Add(new NetlinkEvent(change));

    public void Add(NetlinkEvent e)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (_pending == InventoryParts.None && _links.IsEmpty) _firstEvent = now;
            if (e.Kind is NetlinkChange.Link or NetlinkChange.Address && e is { Index: { } index, Name: { } name })
                _links = _links.SetItem(index, name);
            else
                _pending |= PartsFor(e.Kind);
            if (_links.Count > MaxSingleLinks)
            {
                _pending |= PartsFor(NetlinkChange.Link);
                _links = _links.Clear();
            }
            var waited = now - _firstEvent;
            var due = waited + _quiet >= _maxDelay ? _maxDelay - waited : _quiet;
            _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        ChangeBatch batch;
        lock (_gate)
        {
            // A read of all links covers the single ones (and their bridges).
            batch = _pending.HasFlag(InventoryParts.Links) && !_links.IsEmpty
                ? new ChangeBatch(_pending | InventoryParts.Bridges, ImmutableDictionary<int, string>.Empty)
                : new ChangeBatch(_pending, _links);
            _pending = InventoryParts.None;
            _links = _links.Clear();
        }
        if (!batch.IsEmpty) _flush(batch);
    }

    public void Dispose() => _timer.Dispose();
}
