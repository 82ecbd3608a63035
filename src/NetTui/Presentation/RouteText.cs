using System.Globalization;
using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// How views write what a route has beyond its common fields (issue 22): the hops of a
/// multipath route ("+1 more hop" next to the first gateway, every hop with its weight in
/// the detail), onlink, the nexthop object, mtu/advmss and expiry. Kept apart from the
/// route presenters so other columns (traffic, boot) merge without touching it.
/// </summary>
public static class RouteText
{
    /// <summary>The gateway cell: the first hop's gateway, and how many hops more.</summary>
    public static string Gateway(Route r, string none = "")
    {
        var first = r.Gateway ?? none;
        var more = (r.Details?.Hops.Length ?? 0) - 1;
        return more <= 0 ? first : $"{first} (+{more} more hop{(more == 1 ? "" : "s")})";
    }

    /// <summary>Whether any route has details (the column is shown only then).</summary>
    public static bool AnyDetails(IEnumerable<Route> routes)
    {
        foreach (var r in routes)
            if (r.Details is not null) return true;
        return false;
    }

    /// <summary>The short cell: "onlink nhid 12 mtu 1400 advmss 1360 expires 297s", hops in <see cref="Hops"/>.</summary>
    public static string Flags(Route r)
    {
        if (r.Details is not { } d) return "";
        var parts = new List<string>(5);
        if (d.OnLink) parts.Add("onlink");
        if (d.NexthopId is { } id) parts.Add($"nhid {id.ToString(CultureInfo.InvariantCulture)}");
        if (d.Mtu is { } mtu) parts.Add($"mtu {mtu.ToString(CultureInfo.InvariantCulture)}");
        if (d.AdvMss is { } mss) parts.Add($"advmss {mss.ToString(CultureInfo.InvariantCulture)}");
        if (d.Expires is { } e) parts.Add($"expires {e.ToString(CultureInfo.InvariantCulture)}s");
        return string.Join(' ', parts);
    }

    /// <summary>Every hop as `ip route` writes it: "via 192.0.2.2 dev a0 weight 3".</summary>
    public static IEnumerable<string> Hops(Route r) =>
        (r.Details?.Hops ?? []).Select(h =>
            $"{(h.Gateway is null ? "" : $"via {h.Gateway} ")}dev {h.Device ?? "?"} weight {h.Weight.ToString(CultureInfo.InvariantCulture)}{(h.OnLink ? " onlink" : "")}");

    /// <summary>The CLI's details cell: flags, then the hops of a multipath route.</summary>
    public static string FlagsAndHops(Route r)
    {
        var flags = Flags(r);
        var hops = string.Join("; ", Hops(r));
        return hops.Length == 0 ? flags : flags.Length == 0 ? "hops: " + hops : $"{flags}; hops: {hops}";
    }
}
