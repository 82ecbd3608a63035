namespace NetTui.Core.Doctor;

/// <summary>
/// Every check's id. Each has an explanation in assets/doctor/ID.md (a unit test holds
/// the two lists together), so the text an admin reads is edited as text, not as code.
/// </summary>
public static class FindingIds
{
    public const string OvsRundirMismatch = "ovs-rundir-mismatch";
    public const string OvsSocketPermission = "ovs-socket-permission";
    public const string OvsDatabaseMissing = "ovs-database-missing";
    public const string OvsSchemaOld = "ovs-schema-old";
    public const string OvsStaleSocket = "ovs-stale-socket";
    public const string OvsServerNotRunning = "ovs-server-not-running";
    public const string OvsConnectionFailed = "ovs-connection-failed";
    public const string OvsNotInitialized = "ovs-not-initialized";
    public const string OvsVswitchdNotRunning = "ovs-vswitchd-not-running";
    public const string OvsDatapathModuleMissing = "ovs-datapath-module-missing";
    public const string OvsUntrustedDaemon = "ovs-untrusted-daemon";
    public const string OvsTunnelWithoutType = "ovs-tunnel-without-type";
    public const string OvsPortDeviceMissing = "ovs-port-device-missing";
    public const string OvsInterfaceError = "ovs-interface-error";
    public const string OvsTunnelRemoteUnreachable = "ovs-tunnel-remote-unreachable";
    public const string OvsBootRcLocal = "ovs-boot-rc-local";
    public const string OvsBootUnitDisabled = "ovs-boot-unit-disabled";
    public const string BridgeDown = "bridge-down";
    public const string BridgeNoPorts = "bridge-no-ports";
    public const string BridgeSubnetsOverlap = "bridge-subnets-overlap";
    public const string RouteGatewayUnreachable = "route-gateway-unreachable";
    public const string DockerBridgeMissing = "docker-bridge-missing";
    public const string DockerBridgeNoAddress = "docker-bridge-no-address";
    public const string DockerConfigUnreadable = "docker-config-unreadable";
    public const string NetworkManagerNotRunning = "networkmanager-not-running";
    public const string ContainerMtuOverTunnel = "container-mtu-over-tunnel";
    public const string PeerRouteMissing = "peer-route-missing";
    public const string DockerSubnetOverlap = "docker-subnet-overlap";
    public const string DockerDnsLoopbackOnly = "docker-dns-loopback-only";
    public const string NetworkManagerManagesVeths = "networkmanager-manages-veths";
    public const string IpForwardOff = "ip-forward-off";
    public const string ForwardBlocksPeer = "forward-blocks-peer";
    public const string ForwardDropRule = "forward-drop-rule";
    public const string MasqueradeMissing = "masquerade-missing";
    public const string FirewallBackendsMixed = "firewall-backends-mixed";
    public const string BridgeNfCallIptables = "bridge-nf-call-iptables";

    public static readonly IReadOnlyList<string> All =
    [
        OvsRundirMismatch, OvsSocketPermission, OvsDatabaseMissing, OvsSchemaOld, OvsStaleSocket, OvsServerNotRunning,
        OvsConnectionFailed, OvsNotInitialized, OvsVswitchdNotRunning, OvsDatapathModuleMissing, OvsUntrustedDaemon, OvsTunnelWithoutType,
        OvsPortDeviceMissing, OvsInterfaceError, OvsTunnelRemoteUnreachable, OvsBootRcLocal, OvsBootUnitDisabled,
        BridgeDown, BridgeNoPorts, BridgeSubnetsOverlap, RouteGatewayUnreachable, DockerBridgeMissing, DockerBridgeNoAddress,
        DockerConfigUnreadable, NetworkManagerNotRunning,
        ContainerMtuOverTunnel, PeerRouteMissing, DockerSubnetOverlap, DockerDnsLoopbackOnly, NetworkManagerManagesVeths,
        IpForwardOff, ForwardBlocksPeer, ForwardDropRule, MasqueradeMissing, FirewallBackendsMixed, BridgeNfCallIptables,
    ];
}
