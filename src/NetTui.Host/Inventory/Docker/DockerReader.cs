using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Commands;

namespace NetTui.Host.Inventory.Docker;

/// <summary>Containers as Docker reports them, and each running one's host-side peer ifindex (by container id).</summary>
public sealed record DockerContainers(ImmutableArray<Container> Containers, IReadOnlyDictionary<string, int> HostPeerIndexById)
{
    /// <summary>Docker's networks: which host devices dockerd makes (see <see cref="DockerNetworkMapper"/>).</summary>
    public ImmutableArray<DockerNetwork> Networks { get; init; } = [];
}

/// <summary>
/// Reads containers through the Docker Engine API (Docker.DotNet.Enhanced) with a short timeout,
/// then, for each running container, asks its network namespace for eth0's iflink
/// (`nsenter --net=/proc/PID/ns/net ip -j link show`, run from here: /proc/PID names
/// the namespace, so it must not be wrapped in the target namespace).
/// </summary>
public sealed class DockerReader(ICommandRunner runner, string endpoint)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static CommandSpec ContainerLinkShow(int pid) =>
        CommandSpec.Of("nsenter", $"--net=/proc/{pid}/ns/net", "ip", "-j", "link", "show")
            .WithTimeout(Timeout).OutsideNamespace();

    public async Task<SourceRead<DockerContainers>> ReadAsync(CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        if (DockerEndpoint.SocketPath(endpoint) is { } path && !File.Exists(path))
            return Down($"cannot connect to {endpoint} (No such file or directory)", sw);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        ImmutableArray<Container> containers;
        ImmutableArray<DockerNetwork> networks;
        try
        {
            // Docker.DotNet.Enhanced: its models go through its own source-generated JSON context,
            // so this works in the native binary. NativeHttp keeps one connection for the list and
            // the inspections (the default unix transport opens one per request).
            // No pinned API version: the daemon answers unversioned paths with its own.
            using var client = new DockerClientBuilder()
                .WithEndpoint(new Uri(endpoint))
                .WithTimeout(Timeout)
                .WithTransportOptions(new global::Docker.DotNet.NativeHttp.NativeHttpTransportOptions())
                .Build();
            var list = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, timeout.Token).ConfigureAwait(false);
            var inspected = await Task.WhenAll(list.Select(c => client.Containers.InspectContainerAsync(c.ID, timeout.Token))).ConfigureAwait(false);
            containers = [.. inspected.Select(ContainerMapper.Map).OrderBy(c => c.Name, StringComparer.Ordinal)];
            var networkList = await client.Networks.ListNetworksAsync(null, timeout.Token).ConfigureAwait(false);
            var inventory = containers;
            networks = [.. networkList.Select(DockerNetworkMapper.Map).Select(n => DockerNetworkMapper.WithEndpointGateways(n, inventory))
                .OrderBy(n => n.Name, StringComparer.Ordinal)];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Down($"{endpoint} did not answer within {Timeout.TotalSeconds:0} s", sw);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Down($"cannot connect to {endpoint} ({Innermost(e)})", sw);
        }

        var peers = await Task.WhenAll(containers.Where(c => c.Pid is not null && c.State == "running")
            .Select(async c => (c.Id, Index: await HostPeerIndexAsync(c.Pid!.Value, ct).ConfigureAwait(false)))).ConfigureAwait(false);
        var byId = peers.Where(p => p.Index is not null).ToDictionary(p => p.Id, p => p.Index!.Value);
        return new(new DockerContainers(containers, byId) { Networks = networks }, SourceStatus.Ok(SourceKind.Docker, sw.Elapsed));
    }

    private async Task<int?> HostPeerIndexAsync(int pid, CancellationToken ct)
    {
        var run = await ToolRun.RunAsync(runner, ContainerLinkShow(pid), ct).ConfigureAwait(false);
        if (!run.Ok) return null;
        try { return ContainerNetnsParser.HostPeerIndex(run.Output!); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException) { return null; }
    }

    private static SourceRead<DockerContainers> Down(string reason, Stopwatch sw) =>
        new(null, SourceStatus.Down(SourceKind.Docker, "Docker: " + reason, sw.Elapsed));

    /// <summary>The socket error says what happened ("Connection refused", "Permission denied").</summary>
    private static string Innermost(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is SocketException s) return s.Message;
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }
}
