using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Host.Changes;
using NetTui.Host.Inventory.NetworkManager;
using NetTui.Host.NetworkManager;

namespace NetTui.Cli.Persist;

/// <summary>
/// Whether a change verb's operation goes through NetworkManager profiles: when NetworkManager
/// answers on the system bus and --runtime-only was not given. Otherwise the operation stays as
/// it is (runtime commands) and the preview says "runtime only: LOST AT REBOOT (why)".
/// </summary>
internal static class PersistenceChoice
{
    public static async Task<Operation> ChooseAsync(Operation op, bool runtimeOnly, string? busAddress, CancellationToken ct)
    {
        if (runtimeOnly) return op;
        var probe = await NetworkManagerProbe.ProbeAsync(busAddress ?? Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), ct).ConfigureAwait(false);
        return probe.Available ? PersistedOperation.Wrap(op, runtimeOnly: false) : op;
    }

    public static NetworkManagerStepHandler StepHandler(string? busAddress) => new(new NmClient(busAddress));

    /// <summary>
    /// The persistence line for an operation of a report. A wrapped operation carries it as its
    /// first plan step (a note) already; for the others it is worked out from the "before" snapshot.
    /// </summary>
    public static string? Label(OperationReport o, ChangeReport report, bool runtimeOnly)
    {
        if (o.Operation is PersistedOperation or MakePersistent or ForgetProfiles)
            return o.Plan.OfType<NoteStep>().FirstOrDefault()?.Description;
        if (report.Before is null) return null;
        return runtimeOnly
            ? PersistentPlan.Runtime("--runtime-only was asked").Label
            : PersistentPlanner.Plan(o.Operation, report.Before).Label;
    }
}
