using System.Net;
using System.Net.Sockets;

namespace NetTui.Core.Reachability;

/// <summary>One thing the host must still reach after a change; <see cref="Address"/> is looked up, never sent traffic unless <see cref="Ping"/>.</summary>
public sealed record Probe(ProbeKinds Kind, string Name, IPAddress Address, bool Ping);

/// <summary>
/// Which probes a change is guarded by, from facts read before it: the default route is checked
/// by looking up a documentation address (RFC 5737 / 3849: no packet is sent) and pinging the
/// gateway the lookup names; DNS servers and the SSH client by route lookup only (a server
/// need not answer pings). Loopback servers (a local resolver stub) are not probed: no change
/// of links or routes takes them away.
/// </summary>
public static class ProbeTargets
{
    public static readonly IPAddress OffLinkV4 = IPAddress.Parse("192.0.2.1");
    public static readonly IPAddress OffLinkV6 = IPAddress.Parse("2001:db8::1");

    public static IReadOnlyList<Probe> From(ProbeKinds kinds, string? resolvConf, string? sshConnection)
    {
        var probes = new List<Probe>();
        if (kinds.HasFlag(ProbeKinds.Gateway))
        {
            probes.Add(new(ProbeKinds.Gateway, "IPv4 default route", OffLinkV4, Ping: true));
            probes.Add(new(ProbeKinds.Gateway, "IPv6 default route", OffLinkV6, Ping: true));
        }
        if (kinds.HasFlag(ProbeKinds.Dns))
            foreach (var ns in Nameservers(resolvConf ?? ""))
                probes.Add(new(ProbeKinds.Dns, $"DNS server {ns}", ns, Ping: false));
        if (kinds.HasFlag(ProbeKinds.Ssh) && SshClient(sshConnection) is { } client)
            probes.Add(new(ProbeKinds.Ssh, $"SSH client {client}", client, Ping: false));
        return probes;
    }

    public static IEnumerable<IPAddress> Nameservers(string resolvConf) =>
        resolvConf.Split('\n')
            .Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2 && w[0] == "nameserver")
            .Select(w => IPAddress.TryParse(w[1].Split('%')[0], out var a) ? a : null)
            .OfType<IPAddress>()
            .Where(a => !IPAddress.IsLoopback(a))
            .Distinct();

    /// <summary>SSH_CONNECTION is "client_ip client_port server_ip server_port".</summary>
    public static IPAddress? SshClient(string? sshConnection) =>
        sshConnection?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var ip, ..] && IPAddress.TryParse(ip, out var a)
        && !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 ? a : null;
}
