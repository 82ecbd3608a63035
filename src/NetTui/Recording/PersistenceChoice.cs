using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Inventory.NetworkManager;
using NetTui.Host.NetworkManager;
using NetTui.Presentation;

namespace NetTui.Recording;

/// <summary>
/// Whether a change (a CLI verb's or a TUI form's) goes through NetworkManager profiles: when
/// NetworkManager answers on the system bus and --runtime-only was not given. This is the I/O
/// half (the probe, the step handler); the decision and the label are the pure
/// <see cref="PersistenceLabel"/>, so the CLI and the TUI say the same words.
/// </summary>
public static class PersistenceChoice
{
    /// <summary>The bus the probe and the step handler use: the one given, else DBUS_SYSTEM_BUS_ADDRESS (else the default socket).</summary>
    public static string? Bus(string? busAddress) => busAddress ?? Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");

    /// <summary>Asks the bus whether NetworkManager runs (short timeout, never throws); with --runtime-only it does not ask.</summary>
    public static async Task<PersistenceMode> ProbeAsync(bool runtimeOnly, string? busAddress, CancellationToken ct = default)
    {
        if (runtimeOnly) return new PersistenceMode(true, null);
        var probe = await NetworkManagerProbe.ProbeAsync(Bus(busAddress), ct).ConfigureAwait(false);
        return new PersistenceMode(false, probe.Available ? null : probe.Reason ?? "NetworkManager did not answer");
    }

    /// <summary>The CLI's choice for one operation (probes the bus).</summary>
    public static async Task<Operation> ChooseAsync(Operation op, bool runtimeOnly, string? busAddress, CancellationToken ct) =>
        PersistenceLabel.Choose(op, await ProbeAsync(runtimeOnly, busAddress, ct).ConfigureAwait(false));

    public static NetworkManagerStepHandler StepHandler(string? busAddress) => new(new NmClient(busAddress));

    /// <summary>The line to print above a plan; null when the plan's first step (a note) already says it.</summary>
    public static string? Header(OperationReport o, ChangeReport report, bool runtimeOnly) =>
        o.Plan.FirstOrDefault() is NetTui.Core.Persisting.NoteStep ? null : Label(o, report, runtimeOnly);

    /// <summary>The persistence line for an operation of a report (the "before" snapshot tells whether NetworkManager answered).</summary>
    public static string? Label(OperationReport o, ChangeReport report, bool runtimeOnly) =>
        PersistenceLabel.For(o.Operation, o.Plan, report.Before, new PersistenceMode(runtimeOnly, null));
}
