using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Host.NetworkManager;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// A lab host with NetworkManager on its private bus, wired to NetTui's real executor with the
/// NetworkManager step handler and an inventory that reads NetworkManager's profiles from that
/// bus. <see cref="RebootAsync"/> is the honest reboot: NetworkManager stops, the namespace
/// (all kernel state) goes, both come back with the same keyfile directory.
/// </summary>
internal sealed class PersistLab : IAsyncDisposable
{
    public LabHost Host { get; }
    public LabNetworkManager Nm { get; }
    public ICommandRunner Runner { get; }
    public OperationContext Context { get; }

    private PersistLab(LabHost host, LabNetworkManager nm)
    {
        Host = host;
        Nm = nm;
        Runner = new CommandRunner(new NetworkTarget(host.Name));
        Context = OperationContext.Default with
        {
            Ovs = OvsConnection.Default with { Db = "unix:" + Path.Combine(host.StateDir, "no-ovs.sock") },
        };
    }

    public static async Task<PersistLab> CreateAsync()
    {
        var host = await LabHost.CreateAsync();
        try
        {
            return new PersistLab(host, await LabNetworkManager.StartAsync(host));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public NmClient Client() => new(Nm.BusAddress);

    public IHostInventory Inventory => new HostInventory(Runner, new InventoryOptions(
        Context.Ovs.Db, "unix://" + Path.Combine(Host.StateDir, "no-docker.sock"), Nm.BusAddress));

    public Task<HostSnapshot> ReadAsync() => Inventory.ReadAsync();

    public async Task<ChangeReport> TryApplyAsync(Operation op)
    {
        using var handler = new NetworkManagerStepHandler(Client());
        return await new ChangeExecutor(Runner, Inventory, new FileStore(), null, [handler]).ApplyAsync(op, Context);
    }

    /// <summary>Applies through NetworkManager (wrapped) and asserts it was applied and verified.</summary>
    public async Task<ChangeReport> ApplyAsync(Operation op)
    {
        var r = await TryApplyAsync(op is PersistedOperation or MakePersistent or ForgetProfiles ? op : new PersistedOperation(op));
        Assert.True(r.Outcome == ChangeOutcome.Applied, $"{op.Describe()}: {r.Outcome}: {r.Summary} {string.Join("; ", r.Errors)}");
        return r;
    }

    /// <summary>The label the plan starts with ("persistent: ..." or "runtime only: LOST AT REBOOT ...").</summary>
    public static string Label(ChangeReport r) => r.Operations[0].Plan.OfType<NoteStep>().First().Description;

    /// <summary>Stop NetworkManager, delete the namespace, make it again, run <paramref name="hardware"/> (e.g. recreate a veth), start NetworkManager.</summary>
    public async Task RebootAsync(Func<Task>? hardware = null)
    {
        await Nm.StopAsync();
        await Host.RemoveNamespaceAsync();
        await Host.RecreateNamespaceAsync();
        Assert.Empty(await Host.IpJsonAsync("link", "show", "type", "bridge"));
        if (hardware is not null) await hardware();
        await Nm.StartAsync();
    }

    /// <summary>Waits until <paramref name="iface"/> has <paramref name="cidr"/> (NetworkManager activates profiles a moment after it starts).</summary>
    public Task WaitForAddressAsync(string iface, string cidr) =>
        LabWait.UntilAsync($"{iface} to have {cidr}", async () =>
        {
            var r = await Host.RunAsync("ip", "-j", "addr", "show", "dev", iface);
            if (!r.Succeeded || string.IsNullOrWhiteSpace(r.StandardOutput)) return false;
            return System.Text.Json.Nodes.JsonNode.Parse(r.StandardOutput)!.AsArray().Any(l => l!["addr_info"]!.AsArray().Any(a => $"{a!["local"]}/{a["prefixlen"]}" == cidr));
        }, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(300));

    /// <summary>A veth pair inside the namespace, both ends up (the peer stays without a profile).</summary>
    public async Task VethAsync(string name, string peer)
    {
        await Host.CheckedAsync("ip", "link", "add", name, "type", "veth", "peer", "name", peer);
        await Host.CheckedAsync("ip", "link", "set", name, "up");
        await Host.CheckedAsync("ip", "link", "set", peer, "up");
    }

    /// <summary>`nmcli -t -f FIELDS connection show NAME` as FIELD → value (nmcli is the independent client).</summary>
    public async Task<Dictionary<string, string>> NmcliShowAsync(string name, string fields)
    {
        var r = await Nm.NmcliCheckedAsync("-t", "-f", fields, "connection", "show", name);
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var i = line.IndexOf(':');
            if (i > 0) d[line[..i]] = line[(i + 1)..];
        }
        return d;
    }

    public async Task<bool> ProfileExistsAsync(string name) => (await Nm.NmcliAsync("-t", "connection", "show", name)).Succeeded;

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
