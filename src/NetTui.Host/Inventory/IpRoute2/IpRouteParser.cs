using System.Collections.Immutable;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// Parses `ip -j -4|-6 route show table all`. A host can hold 200,000 routes (19 MB of
/// JSON), so this streams with <see cref="Utf8JsonReader"/> instead of building a DOM, and
/// interns the values that repeat (device, table, protocol, scope, type, gateway).
/// iproute2 leaves out keys that have their default value: no "table" = main, no
/// "protocol" = boot, no "scope" = global, no "type" = unicast, no "metric" = none given.
/// </summary>
public static class IpRouteParser
{
    public static ImmutableArray<Route> Parse(ReadOnlySpan<byte> utf8Json, AddressFamily family, StringPool? pool = null)
    {
        pool ??= new StringPool();
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty) return [];
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return [];

        // ~95 bytes of JSON per route in practice: a capacity guess that avoids most regrowth.
        var routes = ImmutableArray.CreateBuilder<Route>(Math.Max(4, utf8Json.Length / 95));
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            routes.Add(ReadRoute(ref reader, family, pool));
        return routes.Count == routes.Capacity ? routes.MoveToImmutable() : routes.ToImmutable();
    }

    public static ImmutableArray<Route> Parse(string json, AddressFamily family, StringPool? pool = null) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), family, pool);

    private static Route ReadRoute(ref Utf8JsonReader reader, AddressFamily family, StringPool pool)
    {
        string destination = "", table = "main", protocol = "boot", scope = "global", type = "unicast";
        string? gateway = null, device = null, prefSrc = null;
        int? metric = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("dst"u8)) destination = ReadString(ref reader, null) ?? "";
            else if (reader.ValueTextEquals("gateway"u8)) gateway = ReadString(ref reader, pool);
            else if (reader.ValueTextEquals("dev"u8)) device = ReadString(ref reader, pool);
            else if (reader.ValueTextEquals("table"u8)) table = ReadString(ref reader, pool) ?? table;
            else if (reader.ValueTextEquals("protocol"u8)) protocol = ReadString(ref reader, pool) ?? protocol;
            else if (reader.ValueTextEquals("scope"u8)) scope = ReadString(ref reader, pool) ?? scope;
            else if (reader.ValueTextEquals("type"u8)) type = ReadString(ref reader, pool) ?? type;
            else if (reader.ValueTextEquals("prefsrc"u8)) prefSrc = ReadString(ref reader, pool);
            else if (reader.ValueTextEquals("metric"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var m))
                    metric = (int)Math.Min(m, int.MaxValue);
            }
            else if (reader.ValueTextEquals("via"u8)) gateway ??= ReadVia(ref reader, pool);
            else if (reader.ValueTextEquals("nexthops"u8)) ReadFirstNexthop(ref reader, pool, ref gateway, ref device);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new Route(family, destination, gateway, device, protocol, scope, metric, table, type, prefSrc);
    }

    /// <summary>Reads the value after a property name; strings only (anything else is skipped → null).</summary>
    private static string? ReadString(ref Utf8JsonReader reader, StringPool? pool)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        if (pool is null || reader.ValueIsEscaped) return reader.GetString();
        return pool.Get(reader.ValueSpan);
    }

    /// <summary>"via": {"family": "inet6", "host": "fe80::1"} (a gateway of the other family).</summary>
    private static string? ReadVia(ref Utf8JsonReader reader, StringPool pool)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); return null; }
        string? host = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("host"u8)) host = ReadString(ref reader, pool);
            else { reader.Read(); reader.Skip(); }
        }
        return host;
    }

    /// <summary>Multipath routes: the record keeps one gateway/device, the first hop's.</summary>
    private static void ReadFirstNexthop(ref Utf8JsonReader reader, StringPool pool, ref string? gateway, ref string? device)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); return; }
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (first && reader.ValueTextEquals("gateway"u8)) gateway ??= ReadString(ref reader, pool);
                else if (first && reader.ValueTextEquals("dev"u8)) device ??= ReadString(ref reader, pool);
                else { reader.Read(); reader.Skip(); }
            }
            first = false;
        }
    }
}
