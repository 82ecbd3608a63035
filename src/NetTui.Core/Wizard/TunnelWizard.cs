using System.Globalization;
using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Values;

namespace NetTui.Core.Wizard;

/// <summary>What the wizard made of the input: errors by field, or both plans with the reasons behind them.</summary>
public sealed record TunnelWizardResult(
    IReadOnlyList<ValueError> Errors,
    IReadOnlyList<string> Messages,
    PlanFile? Local,
    PlanFile? Peer,
    int? Mtu)
{
    public bool Ok => Errors.Count == 0 && Local is not null && Peer is not null;
}

/// <summary>
/// The cross-host tunnel wizard, pure: from the input and this host's snapshot, the plan for
/// this host and the mirror plan for the peer. It checks what a plan's operations cannot
/// check one by one: the two subnets and the underlay do not overlap, the peer is reachable
/// through this host's routes, the names are free, and the MTU leaves room for GRE or VXLAN.
/// The peer is not read: its plan is checked when it is applied there.
/// </summary>
public static class TunnelWizard
{
    public static TunnelWizardResult Plan(TunnelWizardInput input, HostSnapshot host, DateTimeOffset? now = null)
    {
        var f = TunnelWizardFields.Parse(input);
        if (f.Errors.Count > 0) return new([.. f.Errors], [], null, null, null);

        var errors = new List<ValueError>();
        var messages = new List<string>();
        errors.AddRange(TunnelWizardChecks.Overlaps(f));
        var underlay = TunnelWizardChecks.Underlay(f, host, errors);
        TunnelWizardChecks.PeerReachable(f, input, host, errors);
        var reuseBridge = TunnelWizardChecks.Names(f, input, host, errors);
        if (errors.Count > 0) return new(errors, [], null, null, null);

        var underlayMtu = underlay?.Mtu ?? 1500;
        var mtu = GreOverhead.InnerMtu(underlayMtu, input.Kind, f.Key is not null);
        var udpPort = input.Kind.IsVxlan() ? UdpPort.Vxlan : (int?)null;
        if (mtu < 576) return new([new("local-underlay", $"the underlay MTU {underlayMtu} leaves only {mtu} bytes inside the tunnel")], [], null, null, null);
        messages.AddRange(MtuMessages(input, underlay?.Name ?? "the underlay", underlayMtu, mtu));

        var datapath = input.Datapath ?? (host.Ovs?.Bridges.Any(b => b.DatapathType == "netdev") == true ? "netdev" : "system");
        if (udpPort is not null) messages.Add(FirewallMessage(input.Firewall, udpPort.Value));
        if (input.Kind.IsOvs() && input.Datapath is null)
            messages.Add(datapath == "netdev"
                ? $"OVS bridge {input.OvsBridge} uses the netdev (userspace) datapath, like this host's other OVS bridges"
                : $"OVS bridge {input.OvsBridge} uses the system (kernel) datapath");
        if (reuseBridge) messages.Add($"{input.Bridge} already exists with {f.LocalBridgeAddress}; the plan uses it as it is");
        var reusedMtu = reuseBridge && input.Kind != TunnelKind.Gre && host.FindLink(input.Bridge) is { } existing && existing.Mtu > mtu ? existing.Mtu : (int?)null;
        if (reusedMtu is { } was) messages.Add($"{input.Bridge} has MTU {was}: the plan lowers it to {mtu} to fit the tunnel");
        if (ContainerMtuMessage(input, mtu) is { } containers) messages.Add(containers);
        messages.Add("containers reach the other host through this host: IPv4 forwarding must be on (dockerd turns it on when it starts; otherwise sysctl -w net.ipv4.ip_forward=1)");

        var when = now ?? DateTimeOffset.UtcNow;
        var local = PlanFile.Create(
            new PlanMetadata("nettui wizard tunnel", when, host.HostName, "local",
                $"{Word(input.Kind)} tunnel {f.LocalUnderlay} -> {f.PeerUnderlay}: {f.LocalSubnet} here, {f.PeerSubnet} there"),
            Operations(input, f, mtu, datapath, reuseBridge, reusedMtu is not null, input.DaemonJsonPath), messages);

        var mirror = TunnelWizardFields.Parse(input.Mirror());
        var peerMessages = new List<string>(messages.Where(m => !m.Contains("already exists", StringComparison.Ordinal)))
        {
            $"made on {host.HostName} for the peer {f.PeerUnderlay}: it assumes the peer's underlay MTU is also {underlayMtu}; the peer's names and routes are checked when it is applied there",
        };
        var peer = PlanFile.Create(
            new PlanMetadata("nettui wizard tunnel", when, null, "peer",
                $"{Word(input.Kind)} tunnel {f.PeerUnderlay} -> {f.LocalUnderlay}: {f.PeerSubnet} here, {f.LocalSubnet} there"),
            Operations(input.Mirror(), mirror, mtu, datapath, reuseBridge: false, lowerBridgeMtu: false, input.PeerDaemonJsonPath), peerMessages);
        return new([], messages, local, peer, mtu);
    }

    private static string Word(TunnelKind k) => k switch
    {
        TunnelKind.OvsGre => "OVS GRE", TunnelKind.Gre => "GRE", TunnelKind.Vxlan => "VXLAN", TunnelKind.OvsVxlan => "OVS VXLAN", _ => "GRETAP",
    };

    /// <summary>
    /// A DROP of the tunnel's UDP port on either host loses every packet without an error, so
    /// the wizard says what this host's INPUT chain does with it (read by the caller), or that
    /// it was not read; the peer's firewall is checked when its plan is made there.
    /// </summary>
    public static string FirewallMessage(FirewallVerdict? verdict, int port) => verdict switch
    {
        null => $"firewall: NOT checked on this host: both hosts must accept incoming UDP {port} from each other's underlay address " +
                $"(e.g. nft list ruleset | grep {port}; iptables -S INPUT)",
        { Blocked: true } => $"firewall: BLOCKED: this host drops incoming UDP {port} ({verdict.Evidence}); the tunnel carries nothing until it is accepted " +
                             $"(e.g. iptables -I INPUT -p udp --dport {port} -s PEER -j ACCEPT); the peer must accept it too",
        _ => $"firewall: this host accepts incoming UDP {port} ({verdict.Evidence}, iptables rules read); the peer must accept it too",
    };

    private static IEnumerable<string> MtuMessages(TunnelWizardInput input, string underlayName, int underlayMtu, int mtu)
    {
        var overhead = GreOverhead.Explain(input.Kind, input.Key is not null);
        switch (input.Kind)
        {
            case TunnelKind.OvsGre or TunnelKind.OvsVxlan:
                yield return $"MTU {mtu} on {input.Bridge} and {input.OvsBridge}: {underlayName} has MTU {underlayMtu} and an OVS {(input.Kind.IsVxlan() ? "VXLAN" : "GRE")} port adds {overhead} bytes; " +
                             "a bigger frame would be dropped silently in the datapath, while with this MTU the host answers \"fragmentation needed\" to senders";
                break;
            case TunnelKind.Gretap or TunnelKind.Vxlan:
                yield return $"MTU {mtu} on {input.Bridge} and {input.PortName}: {underlayName} has MTU {underlayMtu} and {(input.Kind.IsVxlan() ? "VXLAN" : "GRETAP")} adds {overhead} bytes; " +
                             "a bridge drops bigger frames silently";
                break;
            default:
                yield return $"{input.PortName} gets MTU {mtu} from the kernel ({underlayName} has MTU {underlayMtu}, GRE adds {overhead} bytes); " +
                             $"traffic is routed into it, so senders learn the MTU and {input.Bridge} keeps its own";
                break;
        }
    }

    /// <summary>
    /// The MTU trap: dockerd gives containers MTU 1500 whatever the bridge's MTU, so a
    /// full-size packet from a container does not fit the tunnel and, bridged into it, is
    /// dropped without "fragmentation needed": TCP stalls on the first big transfer.
    /// </summary>
    private static string? ContainerMtuMessage(TunnelWizardInput input, int mtu)
    {
        if (mtu >= 1500) return null;
        return input.DockerBridge
            ? $"Docker: daemon.json gets \"mtu\": {mtu} on both hosts, so containers on {input.Bridge} send packets that fit the tunnel " +
              $"(dockerd gives them 1500 otherwise, and a full-size packet from a container would be dropped silently); restart dockerd, then the containers"
            : $"containers you put on {input.Bridge} need MTU {mtu}, not Docker's 1500, or a full-size packet from them is dropped silently: " +
              $"--docker-bridge also sets daemon.json \"mtu\": {mtu}; for a user network: docker network create --opt com.docker.network.driver.mtu={mtu}";
    }

    private static IEnumerable<Operation> Operations(TunnelWizardInput input, TunnelWizardFields f, int mtu, string datapath, bool reuseBridge, bool lowerBridgeMtu, string? daemonJson)
    {
        var mtuText = mtu.ToString(CultureInfo.InvariantCulture);
        var port = input.PortName;
        var bridgeMtu = input.Kind == TunnelKind.Gre ? null : mtuText;
        if (!reuseBridge) yield return new CreateBridge(input.Bridge, f.LocalBridgeAddress.ToString()) { Mtu = bridgeMtu };
        else if (lowerBridgeMtu) yield return new SetMtu(input.Bridge, mtuText);
        switch (input.Kind)
        {
            case TunnelKind.OvsGre or TunnelKind.OvsVxlan:
                yield return new CreateOvsBridge(input.OvsBridge, datapath);
                yield return input.Kind == TunnelKind.OvsVxlan
                    ? new AddOvsVxlanPort(input.OvsBridge, port, f.PeerUnderlay.ToString(), Key: f.Vni!.ToString())
                    : new AddOvsGrePort(input.OvsBridge, port, f.PeerUnderlay.ToString(), Key: f.Key?.ToString());
                yield return new AttachToBridge(input.Bridge, input.OvsBridge);
                yield return new SetMtu(input.OvsBridge, mtuText);
                yield return new SetLinkState(input.OvsBridge, true);
                yield return new AddRoute(f.PeerSubnet.ToString(), Dev: input.Bridge);
                break;
            case TunnelKind.Gretap:
                yield return new CreateIpTunnel(port, "gretap", f.PeerUnderlay.ToString(), f.LocalUnderlay.ToString(), f.Key?.ToString());
                yield return new AttachToBridge(input.Bridge, port);
                yield return new AddRoute(f.PeerSubnet.ToString(), Dev: input.Bridge);
                break;
            case TunnelKind.Vxlan:
                // No underlay device: its name on the peer is unknown; local picks the route, and the MTU is set (the kernel would give 1500 without a device).
                yield return new CreateVxlan(port, f.Vni!.ToString(), f.PeerUnderlay.ToString(), Local: f.LocalUnderlay.ToString(), Mtu: mtuText);
                yield return new AttachToBridge(input.Bridge, port);
                yield return new AddRoute(f.PeerSubnet.ToString(), Dev: input.Bridge);
                break;
            default:
                yield return new CreateIpTunnel(port, "gre", f.PeerUnderlay.ToString(), f.LocalUnderlay.ToString(), f.Key?.ToString());
                yield return new AddRoute(f.PeerSubnet.ToString(), Dev: port);
                break;
        }
        if (input.DockerBridge) yield return new SetDockerDefaultBridge(input.Bridge, daemonJson);
        if (input.DockerBridge && mtu < 1500) yield return new SetDockerMtu(mtuText, daemonJson);
    }
}
