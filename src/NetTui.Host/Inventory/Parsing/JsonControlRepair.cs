namespace NetTui.Host.Inventory.Parsing;

/// <summary>
/// iproute2 prints strings it got from the kernel (interface aliases, even names) without
/// escaping control characters, so one `ip link set X alias $'\e[31m'` by any local process
/// makes its JSON invalid for System.Text.Json. Each raw control character inside a string
/// becomes its \u00XX escape before parsing; quotes and backslashes iproute2 does escape.
/// Control characters are single bytes in UTF-8, so the same walk works on chars and bytes.
/// </summary>
internal struct JsonControlRepair
{
    private bool _inString;
    private bool _escaped;

    /// <summary>The text with raw control characters inside strings escaped (the same string when there are none).</summary>
    public static string Repair(string json)
    {
        if (json.AsSpan().IndexOfAnyInRange('\0', '\x1f') < 0) return json;
        var state = new JsonControlRepair();
        var sb = new System.Text.StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (state.NeedsEscape(c)) sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<byte> StringSpecials =
        System.Buffers.SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(i => (byte)i)]);

    /// <summary>Feeds bytes until one needs escaping (its index, consumed) or all are fed (-1); skips plain runs fast.</summary>
    public int Advance(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            if (!_escaped)
            {
                var skip = _inString ? data[i..].IndexOfAny(StringSpecials) : data[i..].IndexOf((byte)'"');
                if (skip < 0) return -1;
                i += skip;
            }
            if (NeedsEscape(data[i])) return i;
            i++;
        }
        return -1;
    }

    /// <summary>Feeds one character (or byte); true when it is a raw control character inside a string.</summary>
    public bool NeedsEscape(int c)
    {
        if (!_inString)
        {
            if (c == '"') _inString = true;
            return false;
        }
        if (_escaped) { _escaped = false; return false; }
        if (c == '\\') _escaped = true;
        else if (c == '"') _inString = false;
        return c < 0x20;
    }
}

/// <summary>The same repair over a stream (the route list, which is parsed as it arrives).</summary>
internal sealed class JsonControlRepairStream(Stream inner) : Stream
{
    private JsonControlRepair _state;
    private byte[] _pending = [];
    private int _pendingStart;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pendingStart < _pending.Length) return CopyPending(buffer.Span);
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n == 0) return 0;
        var data = buffer.Span[..n];
        // Fast path (every honest answer): no control character inside a string, bytes pass as read.
        var bad = _state.Advance(data);
        if (bad < 0) return n;
        // From the first bad byte on, the repaired tail is kept and handed out over the next reads.
        var output = new List<byte>((n - bad) + 16);
        AddEscape(output, data[bad]);
        foreach (var b in data[(bad + 1)..])
        {
            if (_state.NeedsEscape(b)) AddEscape(output, b);
            else output.Add(b);
        }
        _pending = [.. output];
        _pendingStart = 0;
        return bad + CopyPending(buffer.Span[bad..]);
    }

    private static void AddEscape(List<byte> output, byte b) => output.AddRange(System.Text.Encoding.ASCII.GetBytes($"\\u{b:x4}"));

    private int CopyPending(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _pending.Length - _pendingStart);
        _pending.AsSpan(_pendingStart, count).CopyTo(buffer);
        _pendingStart += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
