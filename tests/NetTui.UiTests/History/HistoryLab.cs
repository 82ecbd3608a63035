using System.Collections.Concurrent;
using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Planning;
using NetTui.History.Storage;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Recording;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;

namespace NetTui.UiTests.History;

/// <summary>
/// A real journal file (NetTui.History as it is) in a temp directory, with a fake host behind
/// the executor: commands are recorded, not run, and the inventory shows the bridges the
/// recorded `ip link add/del` calls left. Changes are journaled by the real JournalObserver.
/// </summary>
internal sealed class HistoryLab : IDisposable
{
    public const string Netns = "ntl-ui";
    private readonly string _dir = Directory.CreateTempSubdirectory("nettui-uihistory-").FullName;
    private readonly ConcurrentQueue<Action> _ui = new();

    public string DbPath => Path.Combine(_dir, "history.db");
    public Journal Journal { get; }
    public FakeHost Host { get; } = new();

    public HistoryLab() => Journal = new Journal(JournalDatabase.Open(DbPath));

    public HostAccess Access() => new NetTui.Composition.HostChanges(
        new NetTui.Composition.HostOptions { Netns = Netns, HistoryPath = DbPath },
        new NetTui.Composition.HostParts { Runner = _ => Host, Inventory = (_, _) => Host, Files = () => Host, OpenJournal = _ => Journal }).Access();

    public JournalHistoryBackend Backend() => new(Journal, Access, NamespaceScope.Only(Netns), TimeSpan.FromSeconds(10));

    /// <summary>Applies <paramref name="op"/> the way a change verb does: under the lock, journaled by the observer.</summary>
    public long Apply(Operation op) => Task.Run(async () =>
    {
        await using var lease = await Journal.AcquireApplyLockAsync("test", TimeSpan.FromSeconds(10));
        var observer = new JournalObserver(Journal, lease, new JournalEntry(null, Netns));
        var report = await Access().Executor(Netns, observer).ApplyAsync(op, OperationContext.Default);
        Assert.Equal(ChangeOutcome.Applied, report.Outcome);
        return observer.ChangeSetId!.Value;
    }).GetAwaiter().GetResult();

    /// <summary>
    /// Leaves "create bridge NAME, then MTU 1400" pending with its first step applied and the
    /// second never started, written by a process that is gone (what SIGKILL between steps leaves).
    /// </summary>
    public long Crash(string name) => Task.Run(async () =>
    {
        var dead = new Journal(JournalDatabase.Open(DbPath), self: ProcessIdentity.Current with { Pid = 4_194_304 + 17, StartTicks = 1 });
        await using var lease = await dead.AcquireApplyLockAsync("bridge add", TimeSpan.FromSeconds(10));
        Operation create = new CreateBridge(name), mtu = new SetMtu(name, "1400");
        var id = await dead.BeginChangeSetAsync(lease, new NewChangeSet($"create bridge {name} with mtu 1400", Netns),
        [
            new PlannedStep(create.Kind, OperationJson.Serialize(create), create.Describe(), "bridge.del", OperationJson.Serialize((Operation)new DeleteBridge(name))),
            new PlannedStep(mtu.Kind, OperationJson.Serialize(mtu), mtu.Describe(), mtu.Kind, OperationJson.Serialize((Operation)new SetMtu(name, "1500"))),
        ]);
        await dead.StartStepAsync(id, 1);
        await dead.RecordCommandAsync(id, 1, new CommandRecord($"ip link add name {name} type bridge", ["ip", "link", "add", "name", name], 0, "", "", TimeSpan.Zero, DateTimeOffset.UtcNow));
        await dead.RecordStepAsync(id, 1, StepStatus.Applied);
        Host.AddBridge(name);
        return id;
    }).GetAwaiter().GetResult();

    public ChangeSetDetail Get(long id) => Task.Run(() => Journal.GetAsync(id)).GetAwaiter().GetResult()!;

    public Screen Screen(int width = 120, int height = 40)
    {
        var s = new Screen(LabSnapshots.Lab(), width, height, readOnly: false);
        s.Window.Dispatch = _ui.Enqueue;
        s.Window.History = Backend();
        return s;
    }

    /// <summary>Runs what the backend handed back to the UI thread until <paramref name="done"/> holds (generous timeout, no timing assumed).</summary>
    public void Until(Screen s, Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            while (_ui.TryDequeue(out var a)) a();
            if (done()) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}; screen:\n{s.Text}");
            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Records commands instead of running them; its inventory follows `ip link add name NAME`, `ip link del dev NAME` and `ip link set dev NAME mtu N`.</summary>
internal sealed class FakeHost : ICommandRunner, IHostInventory, IFileStore
{
    private readonly object _gate = new();
    private HostSnapshot _snapshot = LabSnapshots.Lab() with { Namespace = HistoryLab.Netns };

    public NetworkTarget Target => new(HistoryLab.Netns);
    public ConcurrentQueue<string> Ran { get; } = new();

    public void AddBridge(string name)
    {
        lock (_gate)
        {
            var index = 100 + _snapshot.Links.Length;
            _snapshot = _snapshot with
            {
                Links = _snapshot.Links.Add(new Link(index, name, LinkKind.Bridge, "UNKNOWN", true, 1500, "aa:bb:cc:dd:ee:01", null, null, null, [])),
                Bridges = _snapshot.Bridges.Add(new LinuxBridge(name, index, "8000.aabbccddee01", false, [])),
            };
        }
    }

    public void RemoveBridge(string name)
    {
        lock (_gate) _snapshot = _snapshot with { Links = _snapshot.Links.RemoveAll(l => l.Name == name), Bridges = _snapshot.Bridges.RemoveAll(b => b.Name == name) };
    }

    /// <summary>Someone changed the MTU by hand.</summary>
    public void SetMtu(string name, int mtu)
    {
        lock (_gate) _snapshot = _snapshot with { Links = [.. _snapshot.Links.Select(l => l.Name == name ? l with { Mtu = mtu } : l)] };
    }

    public bool Has(string name)
    {
        lock (_gate) return _snapshot.FindLink(name) is not null;
    }

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken ct = default)
    {
        Ran.Enqueue(spec.Display);
        var a = spec.Arguments.ToArray();
        if (spec.Program == "ip" && a is ["link", "add", "name", var added, ..]) AddBridge(added);
        if (spec.Program == "ip" && a is ["link", "del", "dev", var deleted, ..]) RemoveBridge(deleted);
        if (spec.Program == "ip" && a is ["link", "set", "dev", var link, "mtu", var mtu]) SetMtu(link, int.Parse(mtu, System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult(new CommandResult(spec, 0, "", "", TimeSpan.Zero));
    }

    public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_snapshot);
    }

    public Task<string?> ReadAsync(string path, CancellationToken ct = default) => Task.FromResult<string?>(null);
    public Task WriteAsync(string path, string content, CancellationToken ct = default) => Task.CompletedTask;
    public Task DeleteAsync(string path, CancellationToken ct = default) => Task.CompletedTask;
}
