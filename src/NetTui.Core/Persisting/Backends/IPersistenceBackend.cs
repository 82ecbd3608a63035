using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Backends;

/// <summary>
/// One configuration system that brings the network back at boot. Pure: what the backend's
/// files say comes from the operation context (the host layer reads <see cref="FilesToRead"/>).
/// <see cref="Plan"/> answers per operation: persistent steps, or <see cref="PersistentPlan.Runtime"/>
/// with the reason when this backend does not hold it, so a fallback for what no backend
/// holds (e.g. a systemd unit replaying runtime steps) can sit beside the backends.
/// </summary>
public interface IPersistenceBackend
{
    PersistenceBackendKind Kind { get; }

    /// <summary>Operations this backend can hold (others stay runtime commands, labelled so).</summary>
    bool CanPersist(Operation op);

    /// <summary>Files beyond <see cref="BackendChoice.Files"/> whose text planning <paramref name="op"/> needs (e.g. NetTui's own file for the object).</summary>
    IEnumerable<string> FilesToRead(Operation op);

    /// <summary>Files of the backend NetTui cannot read, one error each naming the file and line: nothing is written then.</summary>
    IEnumerable<ValueError> Problems(OperationContext ctx);

    /// <summary>How <paramref name="op"/> is kept: the file steps (after the runtime commands) or why it stays runtime only.</summary>
    PersistentPlan Plan(Operation op, HostSnapshot host, OperationContext ctx);
}

/// <summary>The backend of a choice (null: NetworkManager, today's default); null when NetTui has no backend for that system yet.</summary>
public static class PersistenceBackends
{
    public static IPersistenceBackend? For(BackendChoice? choice) => choice?.Kind switch
    {
        null or PersistenceBackendKind.NetworkManager => new NetworkManagerBackend(),
        PersistenceBackendKind.Ifupdown => new Ifupdown.IfupdownBackend(choice),
        PersistenceBackendKind.Networkd => new Networkd.NetworkdBackend(choice),
        PersistenceBackendKind.Netplan => new Netplan.NetplanBackend(choice),
        _ => null,
    };

    /// <summary>What no file backend plans: objects their own daemon keeps (OVSDB, daemon.json) and Docker's (recreated by dockerd).</summary>
    public static PersistentPlan? NotAFileBackendsJob(Operation op, HostSnapshot host) =>
        PersistentPlanner.KeptByItsDaemon(op) ?? (DockerOwned.Touched(op, host) is { } owned ? PersistentPlan.Runtime(DockerOwned.Reason(owned)) : null);

    /// <summary>The header line of every file a file backend writes for itself.</summary>
    public const string WrittenByNetTui = "# Written by NetTui (nettui). Edits are kept: NetTui changes only the lines of what it changes.";

    /// <summary>Whether the chosen backend holds <paramref name="op"/>.</summary>
    public static bool CanPersist(BackendChoice? choice, Operation op) => op is KeepAtBoot
        ? choice is { Kind: not PersistenceBackendKind.NetworkManager } && For(choice) is not null
        : For(choice)?.CanPersist(op) == true;
}
