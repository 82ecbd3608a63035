using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// "database connection failed": names the one cause, in the order an expert would look.
/// A server that runs but listens elsewhere comes first (starting another one would fight
/// it over the database lock); then a socket we may not use; then, with no server running,
/// why it is not: no database, an old one, or simply not started (with or without a stale
/// socket left behind).
/// </summary>
public static class OvsConnectionCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var ovs = facts.Ovs;
        if (ovs is null) yield break;
        var source = facts.Snapshot.Source(SourceKind.Ovs);
        var connected = source is { Available: true } || (source is null && ovs.ClientSocketState == SocketState.Listening && ovs.ClientError is null);
        if (connected) yield break;

        var error = ovs.ClientError ?? source?.Reason ?? "ovs-vsctl could not reach the database";
        List<string> evidence = [error.StartsWith("ovs-vsctl:", StringComparison.Ordinal) ? error : $"ovs-vsctl: unix:{ovs.ClientSocket}: {error}", $"{ovs.ClientSocket}: {Describe(ovs.ClientSocketState)}"];

        if (ovs.ServerForClient is null && ovs.Servers.FirstOrDefault() is { } elsewhere)
        {
            evidence.Add($"ovsdb-server pid {elsewhere.Pid} runs and listens on {string.Join(", ", elsewhere.ListenSockets.DefaultIfEmpty("no unix socket"))}");
            evidence.Add(ovs.PathsFromEnvironment ? $"the client looks in OVS_RUNDIR={ovs.Paths.RunDir}" : $"the client looks in {Path.GetDirectoryName(ovs.ClientSocket)} (its built-in default or --ovs-db)");
            yield return new Finding(FindingIds.OvsRundirMismatch, Severity.Error,
                "ovsdb-server runs, but listens somewhere other than where the clients look", [.. evidence], OvsFixes.AddRemote(ovs, elsewhere));
            yield break;
        }

        if (ovs.ClientSocketState == SocketState.PermissionDenied)
        {
            yield return new Finding(FindingIds.OvsSocketPermission, Severity.Error,
                "db.sock exists but this user may not connect to it", [.. evidence, "run NetTui (or ovs-vsctl) as root, or with sudo"]);
            yield break;
        }

        if (ovs.Servers.IsEmpty)
        {
            evidence.Add($"no ovsdb-server process in this network namespace ({ovs.Paths.ServerPidFile}: no live pid)");
            if (!ovs.DbFileExists)
            {
                yield return new Finding(FindingIds.OvsDatabaseMissing, Severity.Error,
                    "the OVS database was never created, so ovsdb-server cannot start", [.. evidence, $"{ovs.DbFile}: does not exist"],
                    OvsFixes.CreateDatabase(ovs, facts.Systemd));
            }
            else if (ovs.NeedsConversion == true)
            {
                yield return new Finding(FindingIds.OvsSchemaOld, Severity.Error,
                    "the OVS database has an older schema than the installed Open vSwitch", [.. evidence, $"ovsdb-tool needs-conversion {ovs.DbFile} {ovs.SchemaFile}: yes"],
                    OvsFixes.ConvertSchema(ovs, facts.Systemd));
            }
            else if (ovs.ClientSocketState == SocketState.Stale)
            {
                yield return new Finding(FindingIds.OvsStaleSocket, Severity.Error,
                    "db.sock is left over from an ovsdb-server that is gone; nothing listens on it", [.. evidence],
                    OvsFixes.RemoveStaleSocketAndStart(ovs, facts.Systemd));
            }
            else
            {
                yield return new Finding(FindingIds.OvsServerNotRunning, Severity.Error,
                    "ovsdb-server is not running", [.. evidence, $"{ovs.DbFile}: exists"],
                    OvsFixes.StartServer(ovs, facts.Systemd));
            }
            yield break;
        }

        if (ovs.Initialized == false)
        {
            // ovs-vsctl inserts the missing root record itself, then waits for ovs-vswitchd to
            // acknowledge the change: without it, even a read times out.
            yield return new Finding(FindingIds.OvsNotInitialized, Severity.Error,
                "the OVS database was never initialised (`ovs-vsctl --no-wait init` was not run), so ovs-vsctl waits",
                [.. evidence, "ovsdb-client query: the Open_vSwitch table has no record"], OvsFixes.Initialize(ovs));
            yield break;
        }

        yield return new Finding(FindingIds.OvsConnectionFailed, Severity.Error,
            "ovsdb-server listens on the socket, but ovs-vsctl still cannot use the database", [.. evidence]);
    }

    private static string Describe(SocketState s) => s switch
    {
        SocketState.Missing => "no such file",
        SocketState.Listening => "a server accepts connections",
        SocketState.Stale => "the file exists but connections are refused (nothing listens)",
        SocketState.PermissionDenied => "permission denied",
        _ => "exists but is not a usable socket",
    };
}
