using System.Collections.Immutable;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>The rarer keys of a route: flags (onlink), metrics (mtu, advmss), nhid, expires, and every multipath hop.</summary>
public static partial class IpRouteParser
{
    private static bool TryInt(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (!reader.Read()) return false;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n)) { value = (int)Math.Clamp(n, int.MinValue, int.MaxValue); return true; }
        return reader.TrySkip();
    }

    /// <summary>"flags": ["onlink", "linkdown", ...]: whether "onlink" is among them.</summary>
    private static bool TryFlags(ref Utf8JsonReader reader, out bool onlink)
    {
        onlink = false;
        if (!reader.Read()) return false;
        if (reader.TokenType != JsonTokenType.StartArray) return reader.TrySkip();
        while (true)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("onlink"u8)) onlink = true;
            else if (!reader.TrySkip()) return false;
        }
    }

    /// <summary>"metrics": [{"mtu": 1400, "advmss": 1360, ...}] (other metrics are skipped).</summary>
    private static bool TryMetrics(ref Utf8JsonReader reader, ref RouteDetails? details)
    {
        if (!reader.Read()) return false;
        if (reader.TokenType != JsonTokenType.StartArray) return reader.TrySkip();
        while (true)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            if (reader.TokenType != JsonTokenType.StartObject) { if (!reader.TrySkip()) return false; continue; }
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == JsonTokenType.EndObject) break;
                var isMtu = reader.ValueTextEquals("mtu"u8);
                var isAdvMss = !isMtu && reader.ValueTextEquals("advmss"u8);
                if (!TryInt(ref reader, out var v)) return false;
                if (v is null) continue;
                if (isMtu) details = (details ?? new()) with { Mtu = v };
                else if (isAdvMss) details = (details ?? new()) with { AdvMss = v };
            }
        }
    }

    /// <summary>Multipath routes: every hop with its weight and onlink flag (the route record keeps the first hop's gateway/device too).</summary>
    private static bool TryNexthops(ref Utf8JsonReader reader, StringPool pool, out ImmutableArray<RouteHop> hops)
    {
        hops = [];
        if (!reader.Read()) return false;
        if (reader.TokenType != JsonTokenType.StartArray) return reader.TrySkip();
        var list = ImmutableArray.CreateBuilder<RouteHop>();
        while (true)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.EndArray) break;
            if (reader.TokenType != JsonTokenType.StartObject) { if (!reader.TrySkip()) return false; continue; }
            string? gateway = null, device = null;
            int weight = 1;
            var onlink = false;
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == JsonTokenType.EndObject) break;
                bool ok;
                if (reader.ValueTextEquals("gateway"u8)) { ok = TryString(ref reader, pool, out var g); gateway ??= g; }
                else if (reader.ValueTextEquals("via"u8)) ok = TryVia(ref reader, pool, ref gateway);
                else if (reader.ValueTextEquals("dev"u8)) { ok = TryString(ref reader, pool, out var d); device ??= d; }
                else if (reader.ValueTextEquals("weight"u8)) { ok = TryInt(ref reader, out var w); if (w is { } x) weight = x; }
                else if (reader.ValueTextEquals("flags"u8)) ok = TryFlags(ref reader, out onlink);
                else ok = reader.Read() && reader.TrySkip();
                if (!ok) return false;
            }
            list.Add(new RouteHop(gateway, device, weight, onlink));
        }
        hops = list.ToImmutable();
        return true;
    }
}
