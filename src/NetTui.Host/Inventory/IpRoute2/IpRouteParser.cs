using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// Parses `ip -j -4|-6 route show table all`. A host can hold 200,000 routes (19 MB of
/// JSON), so this streams with <see cref="Utf8JsonReader"/> instead of building a DOM —
/// straight from ip's stdout while ip is still writing (<see cref="ParseAsync"/>) — and
/// interns the values that repeat (device, table, protocol, scope, type, gateway).
/// The hot methods are compiled optimized at once: `nettui show` runs them once per process,
/// where tiered compilation would spend most of the parse in unoptimized code.
/// iproute2 leaves out keys that have their default value: no "table" = main, no
/// "protocol" = boot, no "scope" = global, no "type" = unicast, no "metric" = none given.
/// </summary>
public static partial class IpRouteParser
{
    private const int InitialBuffer = 64 * 1024;

    public static ImmutableArray<Route> Parse(string json, AddressFamily family, StringPool? pool = null) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), family, pool);

    public static ImmutableArray<Route> Parse(ReadOnlySpan<byte> utf8Json, AddressFamily family, StringPool? pool = null)
    {
        var routes = ImmutableArray.CreateBuilder<Route>();
        var cursor = new Cursor();
        ParseChunk(utf8Json, isFinalBlock: true, ref cursor, routes, family, pool ?? new StringPool());
        return routes.ToImmutable();
    }

    /// <summary>Parses from a stream as it arrives (ip's stdout), holding only a small window of the text.</summary>
    public static async Task<ImmutableArray<Route>> ParseAsync(Stream stream, AddressFamily family, StringPool? pool = null, CancellationToken ct = default)
    {
        pool ??= new StringPool();
        var routes = ImmutableArray.CreateBuilder<Route>();
        var cursor = new Cursor();
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        int start = 0, end = 0;
        try
        {
            while (!cursor.Done)
            {
                if (start > 0 && start == end) start = end = 0;
                if (end == buffer.Length)
                {
                    // Keep the unparsed tail; grow only when one record does not fit.
                    var target = start > 0 ? buffer : ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, start, target, 0, end - start);
                    if (!ReferenceEquals(target, buffer)) ArrayPool<byte>.Shared.Return(buffer);
                    buffer = target;
                    end -= start;
                    start = 0;
                }
                var n = await stream.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
                var eof = n == 0;
                end += n;
                start += ParseChunk(buffer.AsSpan(start, end - start), eof, ref cursor, routes, family, pool);
                if (eof) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return routes.ToImmutable();
    }

    /// <summary>Where the parse is between chunks: inside the top-level array or not, and the reader state there.</summary>
    private struct Cursor
    {
        public JsonReaderState State;
        public bool InArray;
        public bool Done;
    }

    /// <summary>Parses every complete route in <paramref name="data"/>; returns the bytes consumed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ParseChunk(ReadOnlySpan<byte> data, bool isFinalBlock, ref Cursor cursor, ImmutableArray<Route>.Builder routes,
        AddressFamily family, StringPool pool)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, cursor.State);
        var consumed = 0;
        if (!cursor.InArray)
        {
            if (data.Trim(" \t\r\n"u8).IsEmpty)
            {
                cursor.Done = isFinalBlock; // no output at all: no routes
                return 0;
            }
            if (!reader.Read()) return 0;
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("ip route output is not a JSON array");
            cursor.InArray = true;
            consumed = (int)reader.BytesConsumed;
            cursor.State = reader.CurrentState;
        }
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                cursor.Done = true;
                return (int)reader.BytesConsumed;
            }
            if (reader.TokenType != JsonTokenType.StartObject || !TryReadRoute(ref reader, family, pool, out var route))
                break; // incomplete record: retry it with more data
            routes.Add(route);
            consumed = (int)reader.BytesConsumed;
            cursor.State = reader.CurrentState;
        }
        if (isFinalBlock && !cursor.Done) throw new JsonException("ip route output ended inside a record");
        return consumed;
    }

    /// <summary>Reads one route object; false when the data ends before the object does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadRoute(ref Utf8JsonReader reader, AddressFamily family, StringPool pool, out Route route)
    {
        route = null!;
        string destination = "", table = "main", protocol = "boot", scope = "global", type = "unicast";
        string? gateway = null, device = null, prefSrc = null;
        int? metric = null;
        RouteDetails? details = null; // only for the rare route that has more (multipath, onlink, metrics)

        while (true)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.EndObject) break;
            // Dispatch on the property name's length first: most names are rejected by one compare.
            // Each branch reads its value (Read/TrySkip false = out of data).
            var name = reader.ValueIsEscaped ? [] : reader.ValueSpan;
            bool ok;
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("dst"u8):
                    ok = TryString(ref reader, null, out var dst); destination = dst ?? ""; break;
                case 3 when name.SequenceEqual("dev"u8):
                    ok = TryString(ref reader, pool, out device); break;
                case 3 when name.SequenceEqual("via"u8):
                    ok = TryVia(ref reader, pool, ref gateway); break;
                case 4 when name.SequenceEqual("type"u8):
                    ok = TryString(ref reader, pool, out var t); type = t ?? type; break;
                case 5 when name.SequenceEqual("table"u8):
                    ok = TryString(ref reader, pool, out var tb); table = tb ?? table; break;
                case 5 when name.SequenceEqual("scope"u8):
                    ok = TryString(ref reader, pool, out var sc); scope = sc ?? scope; break;
                case 6 when name.SequenceEqual("metric"u8):
                    ok = reader.Read();
                    if (ok && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var m)) metric = (int)Math.Min(m, int.MaxValue);
                    else if (ok) ok = reader.TrySkip();
                    break;
                case 7 when name.SequenceEqual("gateway"u8):
                    ok = TryString(ref reader, pool, out gateway); break;
                case 7 when name.SequenceEqual("prefsrc"u8):
                    ok = TryString(ref reader, pool, out prefSrc); break;
                case 8 when name.SequenceEqual("protocol"u8):
                    ok = TryString(ref reader, pool, out var pr); protocol = pr ?? protocol; break;
                case 8 when name.SequenceEqual("nexthops"u8):
                    ok = TryNexthops(ref reader, pool, out var hops);
                    if (ok && hops.Length > 0)
                    {
                        gateway ??= hops[0].Gateway;
                        device ??= hops[0].Device;
                        details = (details ?? new()) with { Hops = hops };
                    }
                    break;
                case 5 when name.SequenceEqual("flags"u8):
                    ok = TryFlags(ref reader, out var onlink);
                    if (ok && onlink) details = (details ?? new()) with { OnLink = true };
                    break;
                case 4 when name.SequenceEqual("nhid"u8):
                    ok = TryInt(ref reader, out var nhid);
                    if (ok && nhid is not null) details = (details ?? new()) with { NexthopId = nhid };
                    break;
                case 7 when name.SequenceEqual("expires"u8):
                    ok = TryInt(ref reader, out var expires);
                    if (ok && expires is not null) details = (details ?? new()) with { Expires = expires };
                    break;
                case 7 when name.SequenceEqual("metrics"u8):
                    ok = TryMetrics(ref reader, ref details); break;
                default:
                    ok = reader.Read() && reader.TrySkip(); break;
            }
            if (!ok) return false;
        }
        route = new Route(family, destination, gateway, device, protocol, scope, metric, table, type, prefSrc) { Details = details };
        return true;
    }

    /// <summary>Reads the value after a property name: a string (interned when a pool is given), else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryString(ref Utf8JsonReader reader, StringPool? pool, out string? value)
    {
        value = null;
        if (!reader.Read()) return false;
        if (reader.TokenType != JsonTokenType.String) return reader.TrySkip();
        value = pool is null || reader.ValueIsEscaped ? reader.GetString() : pool.Get(reader.ValueSpan);
        return true;
    }

    /// <summary>"via": {"family": "inet6", "host": "fe80::1"} (a gateway of the other family).</summary>
    private static bool TryVia(ref Utf8JsonReader reader, StringPool pool, ref string? gateway)
    {
        if (!reader.Read()) return false;
        if (reader.TokenType != JsonTokenType.StartObject) return reader.TrySkip();
        while (true)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.EndObject) return true;
            if (reader.ValueTextEquals("host"u8))
            {
                if (!TryString(ref reader, pool, out var host)) return false;
                gateway ??= host;
            }
            else if (!reader.Read() || !reader.TrySkip()) return false;
        }
    }
}
