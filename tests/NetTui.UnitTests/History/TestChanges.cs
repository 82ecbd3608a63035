using NetTui.Composition;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Presentation;
using NetTui.Recording;

namespace NetTui.UnitTests.History;

/// <summary>The one change path over fakes of the host (runner, inventory, files, NetworkManager) and a real journal file.</summary>
public static class TestChanges
{
    public static readonly PersistenceMode NoNetworkManager = new(false, "NetworkManager is not running (unit test)");

    public static HostParts Parts(ICommandRunner runner, IHostInventory inventory, PersistenceMode? probe = null, INmCheckpoints? checkpoints = null, Action? networkManagerStep = null) => new()
    {
        Runner = _ => runner,
        Inventory = (_, _) => inventory,
        Files = () => new NetTui.UnitTests.Operations.MemoryFiles(),
        Probe = _ => Task.FromResult(probe ?? NoNetworkManager),
        Checkpoints = checkpoints ?? new RecordingCheckpoints(),
        NetworkManagerSteps = () => new FakeNetworkManagerSteps(networkManagerStep),
    };

    public static HostOptions Options(string historyPath, string? netns = "ntl-unit") =>
        new() { Netns = netns, HistoryPath = historyPath, LockDirectory = Path.Combine(Path.GetDirectoryName(historyPath)!, "locks") };

    public static HostChanges For(ICommandRunner runner, IHostInventory inventory, string historyPath = "/nonexistent/ntl/history.db") =>
        new(Options(historyPath), Parts(runner, inventory));

    /// <summary>NetworkManager steps succeed without a NetworkManager; <paramref name="done"/> plays what NetworkManager would do to the host.</summary>
    private sealed class FakeNetworkManagerSteps(Action? done) : NetTui.Host.Changes.IPlanStepHandler
    {
        public bool Handles(NetTui.Core.Operations.PlanStep step) => step is NetTui.Core.Persisting.NetworkManagerStep or NetTui.Core.Persisting.NoteStep;
        public Task<string?> DoAsync(NetTui.Core.Operations.PlanStep step, CancellationToken ct)
        {
            if (step is NetTui.Core.Persisting.NetworkManagerStep) done?.Invoke();
            return Task.FromResult<string?>(null);
        }
        public Task<string?> UndoAsync(NetTui.Core.Operations.PlanStep step) => Task.FromResult<string?>(null);
    }
}

/// <summary>NetworkManager checkpoint calls, recorded (each create answers with a new path).</summary>
public sealed class RecordingCheckpoints : INmCheckpoints
{
    public List<string> Calls { get; } = [];

    public Task<(string? Path, string? Error)> CreateAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        Calls.Add($"create {timeout.TotalSeconds:0}");
        return Task.FromResult<(string?, string?)>(($"/org/freedesktop/NetworkManager/Checkpoint/{Calls.Count}", null));
    }

    public Task<string?> AdjustAsync(string path, TimeSpan timeout, CancellationToken ct = default) { Calls.Add($"adjust {path}"); return Task.FromResult<string?>(null); }
    public Task<string?> DestroyAsync(string path, CancellationToken ct = default) { Calls.Add($"destroy {path}"); return Task.FromResult<string?>(null); }
    public Task<string?> RollbackAsync(string path, CancellationToken ct = default) { Calls.Add($"rollback {path}"); return Task.FromResult<string?>(null); }
}
