using Docker.DotNet;
using Docker.DotNet.Models;
using NetTui.Host.Inventory.Docker;

namespace NetTui.Host.Monitoring;

/// <summary>
/// Follows dockerd's event stream (GET /events) for what changes the network picture:
/// containers created, started, stopped, removed, renamed, and networks created, removed,
/// connected, disconnected. Health-check execs and the like are filtered out by dockerd itself.
/// When dockerd is down the stream is tried again after a pause growing to <see cref="MaxRetry"/>;
/// connecting again after a loss is a change (dockerd came back).
/// </summary>
public sealed class DockerEvents(string endpoint)
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    public static readonly string[] Events = ["create", "start", "stop", "die", "destroy", "rename", "pause", "unpause", "connect", "disconnect", "remove"];

    private sealed class OnMessage(Action<Message> act) : IProgress<Message>
    {
        public void Report(Message value) => act(value);
    }

    public async Task RunAsync(Action onChange, CancellationToken ct)
    {
        var retry = FirstRetry;
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (DockerEndpoint.SocketPath(endpoint) is not { } path || File.Exists(path))
                {
                    using var client = new DockerClientBuilder()
                        .WithEndpoint(new Uri(endpoint))
                        .WithTimeout(Timeout.InfiniteTimeSpan)
                        .WithTransportOptions(new global::Docker.DotNet.NativeHttp.NativeHttpTransportOptions())
                        .Build();
                    var filters = new Dictionary<string, IDictionary<string, bool>>
                    {
                        ["type"] = new Dictionary<string, bool> { ["container"] = true, ["network"] = true },
                        ["event"] = Events.ToDictionary(e => e, _ => true),
                    };
                    // A version call first: a connection that works after one that did not means dockerd came back.
                    await client.System.GetVersionAsync(ct).ConfigureAwait(false);
                    if (lost) onChange();
                    lost = false;
                    retry = FirstRetry;
                    await client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters }, new OnMessage(_ => onChange()), ct).ConfigureAwait(false);
                }
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // dockerd down or gone: Docker is read at start and on `r`; try again later.
            }
            lost = true;
            try { await Task.Delay(retry, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            retry = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, retry.Ticks * 2));
        }
    }
}
