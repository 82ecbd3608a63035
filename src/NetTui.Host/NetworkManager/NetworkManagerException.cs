namespace NetTui.Host.NetworkManager;

/// <summary>
/// A NetworkManager call that failed, with a one-line message for the admin that names the
/// profile and NetworkManager's own reason ("NetworkManager refused to save profile
/// nettui-br0: ipv4.address-data: ... (InvalidProperty)"). <see cref="NotRunning"/>: nothing
/// answered, so a runtime fallback is possible.
/// </summary>
public sealed class NetworkManagerException(string message, bool notRunning = false, string? errorName = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool NotRunning { get; } = notRunning;
    public string? ErrorName { get; } = errorName;
}
