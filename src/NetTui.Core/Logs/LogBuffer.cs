namespace NetTui.Core.Logs;

/// <summary>
/// The lines the Logs view holds, oldest first, at most <see cref="Capacity"/>: a daemon that
/// logs without end costs a fixed amount of memory (the oldest lines go first).
/// </summary>
public sealed class LogBuffer(int capacity = LogBuffer.DefaultCapacity)
{
    public const int DefaultCapacity = 5_000;
    private readonly LogLine[] _ring = new LogLine[Math.Max(1, capacity)];
    private int _start;

    public int Capacity => _ring.Length;
    public int Count { get; private set; }

    /// <summary>How many lines were dropped to keep within the capacity (shown, so a missing start is not a surprise).</summary>
    public long Dropped { get; private set; }

    public void Add(LogLine line)
    {
        if (Count < _ring.Length)
        {
            _ring[(_start + Count) % _ring.Length] = line;
            Count++;
            return;
        }
        _ring[_start] = line;
        _start = (_start + 1) % _ring.Length;
        Dropped++;
    }

    /// <summary>
    /// Adds lines keeping the buffer in time order: each source's lines come in order, but the
    /// first read of several files (and a slow follower) interleave; a batch older than the newest
    /// line held re-sorts the buffer (stable; a line without a time stays after the line before it).
    /// </summary>
    public void AddRange(IReadOnlyList<LogLine> lines)
    {
        var last = Count > 0 ? LastTime() : null;
        var older = last is { } newest && lines.Any(l => l.Time < newest);
        foreach (var l in lines) Add(l);
        if (older || !InOrder(lines)) SortByTime();
    }

    private DateTimeOffset? LastTime()
    {
        for (var i = Count - 1; i >= 0; i--)
            if (this[i].Time is { } t) return t;
        return null;
    }

    private static bool InOrder(IReadOnlyList<LogLine> lines)
    {
        DateTimeOffset? previous = null;
        foreach (var l in lines)
        {
            if (l.Time is not { } t) continue;
            if (previous > t) return false;
            previous = t;
        }
        return true;
    }

    private void SortByTime()
    {
        var keyed = new List<(DateTimeOffset Key, int Order, LogLine Line)>(Count);
        var carried = DateTimeOffset.MinValue;
        for (var i = 0; i < Count; i++)
        {
            var line = this[i];
            // A line without a time belongs with the line before it (a continuation, a stray stderr line).
            if (line.Time is { } t) carried = t;
            keyed.Add((carried, i, line));
        }
        keyed.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Order.CompareTo(b.Order));
        for (var i = 0; i < keyed.Count; i++) _ring[(_start + i) % _ring.Length] = keyed[i].Line;
    }

    public LogLine this[int i] => i < 0 || i >= Count ? throw new ArgumentOutOfRangeException(nameof(i)) : _ring[(_start + i) % _ring.Length];

    public void Clear()
    {
        Array.Clear(_ring);
        _start = 0;
        Count = 0;
        Dropped = 0;
    }

    /// <summary>The lines oldest first, filtered to those naming <paramref name="name"/> (all when null), each with its number.</summary>
    public IReadOnlyList<BufferedLogLine> Matching(string? name)
    {
        var list = new List<BufferedLogLine>(string.IsNullOrEmpty(name) ? Count : 64);
        for (var i = 0; i < Count; i++)
            if (LogFilter.Matches(this[i], name)) list.Add(new BufferedLogLine(Dropped + i, this[i]));
        return list;
    }
}

/// <summary>A line with its number in the order it arrived (stable while it stays in the buffer: the view's row key).</summary>
public readonly record struct BufferedLogLine(long Number, LogLine Line);
