using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The foundation host plus one `nettui show all --json` of it, taken once for the
/// collection (<see cref="FoundationCollection"/>): every test compares a part of that
/// snapshot with what the independent tools say now (no test changes the host, so the two
/// reads see the same host).
/// </summary>
public sealed class FoundationSnapshotFixture : IAsyncLifetime
{
    private FoundationScenario? _scenario;

    public FoundationScenario Scenario => _scenario ?? throw new InvalidOperationException("not built");
    public HostSnapshot Snapshot { get; private set; } = null!;
    public ExecResult Run { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await FoundationScenario.BuildAsync();
        Run = await NettuiCli.ShowAsync(Scenario.Host, Scenario.Ovs.DbTarget, Scenario.Docker.DockerHost, json: true);
        Snapshot = NettuiCli.ParseSnapshot(Run);
    }

    public async ValueTask DisposeAsync()
    {
        if (_scenario is not null) await _scenario.DisposeAsync();
    }
}
