using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Backends;

/// <summary>
/// NetworkManager as one backend: profiles over D-Bus, planned by <see cref="PersistentPlanner"/>
/// from the profiles in the snapshot (no files: NetworkManager writes its own keyfiles, and its
/// steps make the runtime change too).
/// </summary>
public sealed class NetworkManagerBackend : IPersistenceBackend
{
    public PersistenceBackendKind Kind => PersistenceBackendKind.NetworkManager;
    public bool CanPersist(Operation op) => PersistentPlanner.CanPersist(op);
    public IEnumerable<string> FilesToRead(Operation op) => [];
    public IEnumerable<ValueError> Problems(OperationContext ctx) => [];
    public PersistentPlan Plan(Operation op, HostSnapshot host, OperationContext ctx) => PersistentPlanner.Plan(op, host);
}
