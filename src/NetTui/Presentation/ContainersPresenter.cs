using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>Containers view: each container, its addresses, host-side veth, bridge and link aliases.</summary>
public static class ContainersPresenter
{
    public static IRowSet Rows(SnapshotIndex ix) => new RowSet<Container>(
        ViewKind.Containers,
        ix.Snapshot.Containers,
        TrafficColumns.With<Container>(
        [
            new("Name", c => c.Name),
            new("State", c => c.State),
            new("Addresses", Addresses),
            new("Host veth", c => c.HostVeth ?? ""),
            new("Bridge", c => c.Bridge ?? ""),
            new("Links", c => string.Join(" ", c.Links.Concat(c.Networks.SelectMany(n => n.Links)).Select(l => $"{l.Target}:{l.Alias}"))),
            new("Ports", DockerNetworkText.Ports),
            new("Image", c => c.Image),
        ], ix.Traffic, c => (Core.Traffic.TrafficScope.Link, c.HostVeth)),
        c => c.Name,
        c => Detail(ix, c),
        tone: c => c.State == "running" ? RowTone.Normal : RowTone.Dim);

    public static string Addresses(Container c) =>
        string.Join(" ", c.Networks.SelectMany(n => new[]
        {
            n.IpAddress is null ? null : n.PrefixLength is int p ? $"{n.IpAddress}/{p}" : n.IpAddress,
            n.Ipv6Address,
        }).Where(a => !string.IsNullOrEmpty(a)));

    public static DetailModel Detail(SnapshotIndex ix, Container c)
    {
        var d = new DetailBuilder($"Container {c.Name}")
            .Add("id", c.Id.Length > 12 ? c.Id[..12] : c.Id)
            .Add("state", c.State)
            .Add("image", c.Image)
            .Add("pid", c.Pid)
            .Add("host veth", c.HostVeth is null ? null : $"{c.HostVeth} (ifindex {c.HostVethIndex})")
            .Add("bridge", c.Bridge);
        foreach (var n in c.Networks)
        {
            d.Add($"network {n.Name}", string.Join(" ", new[]
            {
                DockerNetworkText.Endpoint(n),
                n.Gateway is null ? null : $"gw {n.Gateway}",
            }.Where(s => !string.IsNullOrEmpty(s))));
            if (DockerNetworkText.NetworkOf(ix.Snapshot, n) is { } net)
                d.Add($"  {n.Name} is", DockerNetworkText.Summary(net));
        }
        foreach (var l in c.Links)
            d.Add("link", $"{l.Target} as {l.Alias}");
        foreach (var p in c.Ports)
            d.Add("published", DockerNetworkText.Port(p));
        TrafficColumns.AddDetail(d, ix.Traffic, Core.Traffic.TrafficScope.Link, c.HostVeth);
        d.Command($"docker inspect {c.Name}");
        d.Command($"nettui trace {c.Name} ADDRESS");
        if (c.Pid is int pid)
            d.Command($"nsenter -t {pid} -n ip addr");
        if (ix.Link(c.HostVeth) is not null)
            d.Related($"host veth {c.HostVeth}", ViewKind.Interfaces, c.HostVeth);
        if (c.Bridge is not null && ix.Bridge(c.Bridge) is not null)
            d.Related($"bridge {c.Bridge}", ViewKind.Bridges, BridgesPresenter.BridgeKey(c.Bridge));
        foreach (var l in c.Links)
            if (ix.Container(l.Target) is not null)
                d.Related($"linked container {l.Target}", ViewKind.Containers, l.Target);
        return d.Build();
    }
}
