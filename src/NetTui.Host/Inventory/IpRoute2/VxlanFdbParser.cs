using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// `bridge -j fdb show dev VXLAN`: the entries with a remote ("dst"), i.e. where the device
/// sends each MAC (00:00:00:00:00:00 = the flood list). Entries without dst (the device's
/// own MAC, learnt local ones) say nothing about the overlay and are skipped.
/// </summary>
public static class VxlanFdbParser
{
    public static ImmutableArray<VxlanFdbEntry> Parse(string json)
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        return [.. doc.RootElement.EnumerateArray()
            .Where(e => e.Str("dst") is not null && e.Str("mac") is not null)
            .Select(e => new VxlanFdbEntry(e.Str("mac")!, e.Str("dst")!, e.Int("vni"), e.Str("viaIf"), e.Str("state")))];
    }

    /// <summary>Links with their VXLAN's fdb entries added (by device name).</summary>
    public static ImmutableArray<Link> Attach(ImmutableArray<Link> links, IReadOnlyDictionary<string, ImmutableArray<VxlanFdbEntry>> fdb) =>
        [.. links.Select(l => l.Details?.Vxlan is { } v && fdb.TryGetValue(l.Name, out var entries)
            ? l with { Details = l.Details with { Vxlan = v with { Fdb = entries } } }
            : l)];
}
