using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// One <see cref="FoundationScenario"/> shared by the tests of a class: building it starts
/// dockerd (seconds), so it is built once per class, and the tests only read it.
/// </summary>
public sealed class FoundationFixture : IAsyncLifetime
{
    private FoundationScenario? _scenario;

    public FoundationScenario Scenario => _scenario ?? throw new InvalidOperationException("not built");

    public async ValueTask InitializeAsync() => _scenario = await FoundationScenario.BuildAsync();

    public async ValueTask DisposeAsync()
    {
        if (_scenario is not null) await _scenario.DisposeAsync();
    }
}
