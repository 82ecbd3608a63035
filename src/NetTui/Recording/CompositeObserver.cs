using NetTui.Host.Changes;

namespace NetTui.Recording;

/// <summary>Several observers of one change, called in order (the journal first: it may veto).</summary>
internal sealed class CompositeObserver(params IChangeObserver?[] observers) : IChangeObserver
{
    private readonly IChangeObserver[] _all = [.. observers.OfType<IChangeObserver>()];

    public async Task ChangeStartingAsync(ChangeStarting change, CancellationToken ct)
    {
        foreach (var o in _all) await o.ChangeStartingAsync(change, ct).ConfigureAwait(false);
    }

    public async Task OperationStartingAsync(OperationStarting operation, CancellationToken ct)
    {
        foreach (var o in _all) await o.OperationStartingAsync(operation, ct).ConfigureAwait(false);
    }

    public async Task StepFinishedAsync(StepOutcome step, CancellationToken ct)
    {
        foreach (var o in _all) await o.StepFinishedAsync(step, ct).ConfigureAwait(false);
    }

    public async Task StepUndoneAsync(StepOutcome undo, CancellationToken ct)
    {
        foreach (var o in _all) await o.StepUndoneAsync(undo, ct).ConfigureAwait(false);
    }

    public async Task ChangeFinishedAsync(ChangeReport report, CancellationToken ct)
    {
        foreach (var o in _all) await o.ChangeFinishedAsync(report, ct).ConfigureAwait(false);
    }
}
