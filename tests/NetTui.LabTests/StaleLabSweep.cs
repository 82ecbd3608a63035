using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Before any lab test: removes lab namespaces and daemons left by killed runs (those whose
/// owning process is gone), so stale state can neither collide with nor confuse this run.
/// </summary>
public sealed class StaleLabSweep : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await LabSweep.SweepStaleAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
