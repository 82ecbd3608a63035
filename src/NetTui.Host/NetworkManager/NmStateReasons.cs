namespace NetTui.Host.NetworkManager;

/// <summary>NetworkManager's device state reasons (NMDeviceStateReason) in nmcli's words, for messages.</summary>
internal static class NmStateReasons
{
    private static readonly string[] Device =
    [
        "none", "unknown", "now-managed", "now-unmanaged", "config-failed", "ip-config-unavailable", "ip-config-expired",
        "no-secrets", "supplicant-disconnect", "supplicant-config-failed", "supplicant-failed", "supplicant-timeout",
        "ppp-start-failed", "ppp-disconnect", "ppp-failed", "dhcp-start-failed", "dhcp-error", "dhcp-failed",
        "shared-start-failed", "shared-failed", "autoip-start-failed", "autoip-error", "autoip-failed", "modem-busy",
        "modem-no-dial-tone", "modem-no-carrier", "modem-dial-timeout", "modem-dial-failed", "modem-init-failed",
        "gsm-apn-failed", "gsm-registration-not-searching", "gsm-registration-denied", "gsm-registration-timeout",
        "gsm-registration-failed", "gsm-pin-check-failed", "firmware-missing", "removed", "sleeping",
        "connection-removed", "user-requested", "carrier", "connection-assumed", "supplicant-available",
        "modem-not-found", "bt-failed", "gsm-sim-not-inserted", "gsm-sim-pin-required", "gsm-sim-puk-required",
        "gsm-sim-wrong", "infiniband-mode", "dependency-failed", "br2684-failed", "modem-manager-unavailable",
        "ssid-not-found", "secondary-connection-failed", "dcb-fcoe-failed", "teamd-control-failed", "modem-failed",
        "modem-available", "sim-pin-incorrect", "new-activation", "parent-changed", "parent-managed-changed",
        "ovsdb-failed", "ip-address-duplicate", "ip-method-unsupported", "sriov-configuration-failed", "peer-not-found",
    ];

    private static readonly string[] Active =
    [
        "unknown", "none", "user-disconnected", "device-disconnected", "service-stopped", "ip-config-invalid",
        "connect-timeout", "service-start-timeout", "service-start-failed", "no-secrets", "login-failed",
        "connection-removed", "dependency-failed", "device-realize-failed", "device-removed",
    ];

    public static string DeviceReason(uint r) => r < Device.Length ? Device[r] : $"reason {r}";
    public static string ActiveReason(uint r) => r < Active.Length ? Active[r] : $"reason {r}";
}
