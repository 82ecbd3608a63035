using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Lab;

namespace NetTui.LabTests.Operations;

/// <summary>
/// A lab host (its own namespace, optionally its own OVS) wired to NetTui's real executor:
/// the real <see cref="CommandRunner"/> (nsenter into the namespace) and the real
/// <see cref="HostInventory"/>. Docker is read from a socket that does not exist unless the
/// test starts a lab dockerd, so the root's daemon is never looked at.
/// </summary>
internal sealed class OpsLab : IAsyncDisposable
{
    public LabHost Host { get; }
    public LabOvs? Ovs { get; }
    public LabDocker? Docker { get; private set; }
    public OperationContext Context { get; }
    public ICommandRunner Runner { get; }

    private OpsLab(LabHost host, LabOvs? ovs)
    {
        Host = host;
        Ovs = ovs;
        Runner = new CommandRunner(new NetworkTarget(host.Name));
        Context = OperationContext.Default with
        {
            Ovs = ovs is null ? OvsConnection.Default with { Db = "unix:" + Path.Combine(host.StateDir, "no-ovs.sock") }
                : new OvsConnection(ovs.DbTarget, ovs.Environment.ToImmutableDictionary(), 10),
            DaemonJsonPath = Path.Combine(host.StateDir, "docker", "daemon.json"),
        };
    }

    public static async Task<OpsLab> CreateAsync(bool ovs = false)
    {
        var host = await LabHost.CreateAsync();
        try
        {
            return new OpsLab(host, ovs ? await LabOvs.StartAsync(host) : null);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async Task<LabDocker> StartDockerAsync()
    {
        Docker = await LabDocker.StartAsync(Host);
        return Docker;
    }

    public IHostInventory Inventory => new HostInventory(Runner, new InventoryOptions(
        Context.Ovs.Db, Docker?.DockerHost ?? "unix://" + Path.Combine(Host.StateDir, "no-docker.sock")));

    public ChangeExecutor Executor(IChangeObserver? observer = null) => new(Runner, Inventory, new FileStore(), observer);

    public Task<HostSnapshot> ReadAsync() => Inventory.ReadAsync();

    /// <summary>Applies and asserts it was applied and verified; returns the report (its inverse is in it).</summary>
    public async Task<ChangeReport> ApplyAsync(Operation op, IChangeObserver? observer = null)
    {
        var r = await Executor(observer).ApplyAsync(op, Context);
        Assert.True(r.Outcome == ChangeOutcome.Applied, $"{op.Describe()}: {r.Outcome}: {r.Summary} {string.Join("; ", r.Errors)}");
        return r;
    }

    /// <summary>Applies the inverse recorded in <paramref name="report"/>.</summary>
    public async Task<ChangeReport> UndoAsync(ChangeReport report)
    {
        var inverse = report.Operations[0].Inverse;
        Assert.True(inverse is not null, report.Operations[0].InverseUnavailable);
        return await ApplyAsync(inverse);
    }

    /// <summary>`ip` inside the namespace for set-up, failing loudly.</summary>
    public Task Ip(params string[] args) => Host.CheckedAsync(["ip", .. args]);

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
