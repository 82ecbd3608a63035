using System.Collections.Immutable;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// Parses `ip -j -d link show` into <see cref="Link"/>s (without addresses, see
/// <see cref="IpAddrParser"/>). Veth peers: `link_index` + `link_netnsid` when the peer
/// lives in another namespace (named through <paramref name="netnsNames"/> from
/// `ip -j netns list-id`), or `link` (a name) when it is in this one.
/// </summary>
public static class IpLinkParser
{
    /// <param name="knownIndices">Links not in <paramref name="json"/> (a read of single links):
    /// name to ifindex, to resolve masters and same-namespace veth peers by name.</param>
    public static IpLinkData Parse(string json, IReadOnlyDictionary<int, string>? netnsNames = null, IReadOnlyDictionary<string, int>? knownIndices = null)
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        var indexByName = knownIndices is null
            ? new Dictionary<string, int>(StringComparer.Ordinal)
            : new Dictionary<string, int>(knownIndices, StringComparer.Ordinal);
        foreach (var e in doc.RootElement.EnumerateArray())
            if (e.Str("ifname") is { } n && e.Int("ifindex") is { } i) indexByName[n] = i;

        var links = ImmutableArray.CreateBuilder<Link>();
        var bridges = ImmutableArray.CreateBuilder<BridgeDetails>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var linkInfo = e.Obj("linkinfo");
            var infoKind = linkInfo?.Str("info_kind");
            var infoData = linkInfo?.Obj("info_data");
            var kind = LinkKindMapper.Map(infoKind, infoData?.Str("type"), e.Str("link_type"));
            var name = e.Str("ifname") ?? "";
            var master = e.Str("master");
            var flags = e.Arr("flags").Select(f => f.GetString()).ToHashSet();

            VethPeer? peer = null;
            if (kind == LinkKind.Veth)
            {
                if (e.Int("link_index") is { } peerIndex)
                {
                    var nsid = e.Int("link_netnsid");
                    string? nsName = null;
                    if (nsid is { } id) netnsNames?.TryGetValue(id, out nsName);
                    peer = new VethPeer(peerIndex, nsid, nsName);
                }
                else if (e.Str("link") is { } peerName && indexByName.TryGetValue(peerName, out var sameNsIndex))
                {
                    peer = new VethPeer(sameNsIndex, null, null);
                }
            }

            if (kind == LinkKind.Bridge)
                bridges.Add(new BridgeDetails(name, e.Int("ifindex") ?? 0,
                    BridgeIdFormat.Normalize(infoData?.Str("bridge_id")), (infoData?.Int("stp_state") ?? 0) != 0));

            links.Add(new Link(
                Index: e.Int("ifindex") ?? 0,
                Name: name,
                Kind: kind,
                OperState: e.Str("operstate") ?? "UNKNOWN",
                AdminUp: flags.Contains("UP"),
                Mtu: e.Int("mtu") ?? 0,
                Mac: e.Str("address"),
                Master: master,
                MasterIndex: master is not null && indexByName.TryGetValue(master, out var mi) ? mi : null,
                Peer: peer,
                Addresses: [],
                Label: kind == LinkKind.Other ? infoKind : null,
                Tunnel: TunnelInfoParser.From(kind, infoData))
            {
                KindName = infoKind,
                // "link" is a veth's peer (above); for other kinds the device it is made on ("NONE" for an unbound tunnel).
                Parent = kind != LinkKind.Veth && e.Str("link") is { } parent and not "NONE" ? parent
                    : kind == LinkKind.Vxlan ? infoData?.Str("link") : null,
                Alias = e.Str("ifalias"),
                AltNames = [.. e.Arr("altnames").Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)],
                Details = LinkDetailsParser.From(kind, linkInfo),
            });
        }
        return new IpLinkData(links.ToImmutable(), bridges.ToImmutable());
    }
}

/// <summary>What `ip -d link` says about a kernel bridge itself (its ports come from `bridge link`).</summary>
public sealed record BridgeDetails(string Name, int Index, string BridgeId, bool StpEnabled);

public sealed record IpLinkData(ImmutableArray<Link> Links, ImmutableArray<BridgeDetails> Bridges);
