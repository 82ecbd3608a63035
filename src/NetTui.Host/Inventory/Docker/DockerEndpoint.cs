namespace NetTui.Host.Inventory.Docker;

/// <summary>Where the Docker Engine API listens: --docker-host, else DOCKER_HOST, else the default socket.</summary>
public static class DockerEndpoint
{
    public const string Default = "unix:///var/run/docker.sock";

    public static string Resolve(string? option, string? environment) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : !string.IsNullOrWhiteSpace(environment) ? environment
        : Default;

    /// <summary>The socket path of a unix:// endpoint, else null.</summary>
    public static string? SocketPath(string endpoint) =>
        endpoint.StartsWith("unix://", StringComparison.Ordinal) ? endpoint["unix://".Length..] : null;
}
