using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Changes;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.UnitTests.Operations;

/// <summary>Records every command instead of running it; fails the calls the test picks.</summary>
internal sealed class RecordingRunner : ICommandRunner
{
    public NetworkTarget Target { get; set; } = new("ntl-unit");
    public List<CommandSpec> Ran { get; } = [];
    public List<string> Lines => [.. Ran.Select(r => r.Display)];

    /// <summary>Return true to make that call fail with exit 2 and stderr "RTNETLINK answers: boom".</summary>
    public Func<CommandSpec, int, bool> Fails { get; set; } = (_, _) => false;

    /// <summary>Called after each command, e.g. to change what the fake inventory returns next.</summary>
    public Action<CommandSpec>? After { get; set; }

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken ct = default)
    {
        Ran.Add(spec);
        var fail = Fails(spec, Ran.Count);
        After?.Invoke(spec);
        return Task.FromResult(new CommandResult(spec, fail ? 2 : 0, "", fail ? "RTNETLINK answers: boom\n" : "", TimeSpan.Zero));
    }
}

/// <summary>Returns the snapshot the test sets; counts reads.</summary>
internal sealed class FakeInventory(HostSnapshot snapshot) : IHostInventory
{
    public HostSnapshot Snapshot { get; set; } = snapshot;
    public int Reads { get; private set; }

    public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
    {
        Reads++;
        return Task.FromResult(Snapshot);
    }
}

internal sealed class MemoryFiles : IFileStore
{
    public Dictionary<string, string> Files { get; } = [];

    public Task<string?> ReadAsync(string path, CancellationToken ct = default) =>
        Task.FromResult(Files.TryGetValue(path, out var t) ? t : null);

    public Task WriteAsync(string path, string content, CancellationToken ct = default)
    {
        Files[path] = content;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string path, CancellationToken ct = default)
    {
        Files.Remove(path);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingObserver : IChangeObserver
{
    public List<string> Events { get; } = [];

    public Task ChangeStartingAsync(ChangeStarting change, CancellationToken ct) { Events.Add($"starting {change.Operations.Length}"); return Task.CompletedTask; }
    public Task OperationStartingAsync(OperationStarting op, CancellationToken ct) { Events.Add($"op {op.Index} {op.Operation.Kind} {op.Plan.Length} steps"); return Task.CompletedTask; }
    public Task StepFinishedAsync(StepOutcome step, CancellationToken ct) { Events.Add($"step {step.Operation}.{step.Step} {(step.Succeeded ? "ok" : "failed")}"); return Task.CompletedTask; }
    public Task StepUndoneAsync(StepOutcome undo, CancellationToken ct) { Events.Add($"undone {undo.Operation}.{undo.Step} {(undo.Succeeded ? "ok" : "failed")}"); return Task.CompletedTask; }
    public Task ChangeFinishedAsync(ChangeReport report, CancellationToken ct) { Events.Add($"finished {report.Outcome}"); return Task.CompletedTask; }
}

/// <summary>Helpers shared by the per-operation tests.</summary>
internal static class OpAssert
{
    public static readonly Core.Operations.OperationContext Ctx = Core.Operations.OperationContext.Default;

    /// <summary>The plan's commands as an admin would type them.</summary>
    public static string[] Commands(Core.Operations.Operation op, HostSnapshot host) =>
        [.. op.Plan(host, Ctx).Select(s => s is Core.Operations.CommandStep c ? c.Do.Display : s.Description)];

    public static string[] Undo(Core.Operations.Operation op, HostSnapshot host) =>
        [.. op.Plan(host, Ctx).OfType<Core.Operations.CommandStep>().SelectMany(c => c.Undo).Select(u => u.Display)];

    /// <summary>Asserts validation fails naming <paramref name="field"/>, and that the executor then runs no command.</summary>
    public static void Rejected(Core.Operations.Operation op, HostSnapshot host, string field, string? contains = null)
    {
        var errors = op.Validate(host, Ctx);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Field == field && (contains is null || e.Message.Contains(contains, StringComparison.Ordinal)));
        var runner = new RecordingRunner();
        var report = new ChangeExecutor(runner, new FakeInventory(host), new MemoryFiles()).ApplyAsync(op, Ctx).GetAwaiter().GetResult();
        Assert.Equal(ChangeOutcome.Rejected, report.Outcome);
        Assert.Equal(2, report.ExitCode);
        Assert.Empty(runner.Ran);
    }

    public static void Valid(Core.Operations.Operation op, HostSnapshot host)
    {
        var errors = op.Validate(host, Ctx);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }
}
