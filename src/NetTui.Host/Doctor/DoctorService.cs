using System.Collections.Immutable;
using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Facts;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using Serilog;

namespace NetTui.Host.Doctor;

/// <summary>One diagnosis: the facts it was made from and what the checks found in them.</summary>
public sealed record DoctorReport(DoctorFacts Facts, ImmutableArray<Finding> Findings)
{
    public bool Healthy => DoctorChecks.IsHealthy(Findings);

    public Finding? Find(string idOrCheck) =>
        Findings.FirstOrDefault(f => f.Id == idOrCheck)
        ?? (Findings.Count(f => f.Check == idOrCheck) == 1 ? Findings.First(f => f.Check == idOrCheck) : null);
}

/// <summary>The result of one fix: what ran, and the diagnosis made again afterwards.</summary>
public sealed record FixResult(Finding Finding, FixPlan Plan, FixOutcome Outcome, DoctorReport After)
{
    /// <summary>The fix ran and the re-check no longer finds the problem.</summary>
    public bool Resolved => Outcome.Succeeded && After.Findings.All(f => f.Id != Finding.Id);
}

/// <summary>
/// The Doctor on a real host: gather facts (inventory + OVS, systemd, boot scripts,
/// daemon.json), run the pure checks, and run a fix followed by a re-check.
/// </summary>
public sealed class DoctorService(ICommandRunner runner, IHostInventory inventory, DoctorOptions options, ILogger? log = null)
{
    private readonly ILogger _log = log ?? Serilog.Core.Logger.None;

    /// <summary>Some effects settle a moment after the command returns (ovs-vswitchd updating an interface's error).</summary>
    public TimeSpan RecheckPatience { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Applies a fix that is a change (<see cref="FixPlan.IsChange"/>) through the one change path; null: such fixes are refused.</summary>
    public IOperationFixApplier? Changes { get; init; }

    /// <summary>Makes the NetworkManager client that reads the container veths' device states (the composition root's); null: not asked.</summary>
    public Func<NetTui.Host.NetworkManager.NmClient>? NetworkManager { get; init; }

    public async Task<DoctorFacts> GatherAsync(CancellationToken ct = default)
    {
        var ovs = new OvsFactGatherer(runner, options);
        // Before the inventory: its ovs-vsctl read would create a missing root record itself.
        var rootRecord = await ovs.ProbeRootRecordAsync(ct).ConfigureAwait(false);
        var snapshot = await inventory.ReadAsync(InventoryParts.All, ct).ConfigureAwait(false);
        var ovsTask = ovs.GatherAsync(snapshot, rootRecord, ct);
        var systemdTask = new SystemdFactGatherer(runner, options).GatherAsync(ct);
        var nmTask = new ContainerFactGatherer(NetworkManager, _log).NmDevicesAsync(snapshot, ct);
        var firewallTask = NetTui.Host.Diagnostics.FirewallReader.ReadAsync(runner, ct);
        await Task.WhenAll(ovsTask, systemdTask, nmTask, firewallTask).ConfigureAwait(false);
        return new DoctorFacts(
            snapshot,
            ovsTask.Result,
            systemdTask.Result,
            BootScriptReader.Read(options.BootScriptPaths),
            DockerConfigReader.Read(options.DaemonJsonPath))
        {
            ResolvConf = ContainerFactGatherer.ReadResolvConf(options.ResolvConfPath),
            NmDevices = nmTask.Result,
            Firewall = firewallTask.Result,
            PeerSubnets = options.PeerSubnets,
        };
    }

    public async Task<DoctorReport> DiagnoseAsync(CancellationToken ct = default)
    {
        var facts = await GatherAsync(ct).ConfigureAwait(false);
        var findings = DoctorChecks.Run(facts);
        foreach (var f in findings) _log.Information("doctor: {Severity} {Id}: {Title}", f.Severity, f.Id, f.Title);
        return new DoctorReport(facts, findings);
    }

    /// <summary>Binds the inputs, runs the fix (undoing it if a step fails), then diagnoses again.</summary>
    public async Task<FixResult> FixAsync(Finding finding, IReadOnlyDictionary<string, string> inputs, CancellationToken ct = default) =>
        await FixAsync(finding, inputs, null, ct).ConfigureAwait(false);

    /// <summary>As above, with <paramref name="observer"/> told before, during and after (the history journal).</summary>
    public async Task<FixResult> FixAsync(Finding finding, IReadOnlyDictionary<string, string> inputs, IFixObserver? observer, CancellationToken ct = default)
    {
        var plan = (finding.Fix ?? throw new InvalidOperationException($"{finding.Id} has no automatic fix")).Bind(inputs);
        _log.Information("doctor: fixing {Id}: {Summary}", finding.Id, plan.Summary);
        var outcome = plan.IsChange
            ? Changes is { } changes
                ? await changes.ApplyAsync(finding, plan, ct).ConfigureAwait(false)
                : new FixOutcome(false, [], [], "this fix is a change of the host's configuration and needs the journaled change path; nothing was changed")
            : await new FixRunner(runner, _log, observer).RunAsync(finding, plan, ct).ConfigureAwait(false);
        var after = await DiagnoseAsync(ct).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + RecheckPatience;
        while (outcome.Succeeded && after.Findings.Any(f => f.Id == finding.Id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, ct).ConfigureAwait(false);
            after = await DiagnoseAsync(ct).ConfigureAwait(false);
        }
        var result = new FixResult(finding, plan, outcome, after);
        _log.Information("doctor: fix of {Id} {Outcome}", finding.Id, result.Resolved ? "resolved it" : outcome.Succeeded ? "ran, but the problem remains" : "failed: " + outcome.Error);
        return result;
    }
}
