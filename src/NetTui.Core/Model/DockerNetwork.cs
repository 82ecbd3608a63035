namespace NetTui.Core.Model;

/// <summary>
/// A Docker network as the Engine API lists it. <see cref="Device"/>: the host device dockerd
/// makes for it (a bridge network's bridge: com.docker.network.bridge.name, else
/// br-&lt;first 12 of the id&gt;; null for the default "bridge" network on an admin's
/// bridge, which dockerd only uses); <see cref="Parent"/>: a macvlan/ipvlan network's parent
/// device (the admin's, not Docker's).
/// </summary>
public sealed record DockerNetwork(string Id, string Name, string Driver, string? Device, string? Parent);
