using System.Collections.Immutable;
using NetTui.Cli.Render;
using NetTui.Core.Model;
using NetTui.Core.Persisting;

namespace NetTui.Cli.Persist;

/// <summary>The `persist show` document: NetworkManager's state, each object with its persistence, and the drift.</summary>
public sealed record PersistReport(
    NetworkManagerState? NetworkManager,
    ImmutableArray<PersistedObject> Objects,
    ImmutableArray<DriftItem> Drift)
{
    public static PersistReport From(HostSnapshot s)
    {
        var objects = ImmutableArray.CreateBuilder<PersistedObject>();
        foreach (var l in s.Links)
        {
            objects.Add(new("link", l.Name, l.Persistence ?? Persistence.RuntimeOnly));
            foreach (var a in l.Addresses)
                objects.Add(new("address", $"{l.Name} {a.Cidr}", a.Persistence ?? Persistence.RuntimeOnly));
        }
        // The kernel's own routes (local table, proto kernel) follow their address: listing them adds nothing.
        foreach (var r in s.Routes.Where(r => r.Table != "local" && r.Protocol != "kernel" && !r.Destination.StartsWith("fe80", StringComparison.Ordinal)))
            objects.Add(new("route", $"{r.Destination}{(r.Gateway is null ? "" : $" via {r.Gateway}")}{(r.Device is null ? "" : $" dev {r.Device}")}{(r.Table == "main" ? "" : $" table {r.Table}")}",
                r.Persistence ?? Persistence.RuntimeOnly));
        return new(s.NetworkManager, objects.ToImmutable(), DriftFinder.Find(s));
    }

    public static IEnumerable<string> Render(PersistReport r)
    {
        var nm = r.NetworkManager;
        yield return nm is { Available: true }
            ? $"NetworkManager {nm.Version}: {nm.Profiles.Length} profile(s), {nm.Profiles.Count(p => p.Managed)} made by NetTui"
            : $"NetworkManager: not available ({nm?.Reason ?? "not consulted"}); nothing NetTui changes now survives a reboot";
        yield return "";
        foreach (var line in TextTable.Format(["WHAT", "OBJECT", "PERSISTS IN"],
                     r.Objects.Select(o => (IReadOnlyList<string>)[o.Kind, o.Name, o.Persistence.ToString()])))
            yield return line;
        yield return "";
        if (r.Drift.Length == 0) yield return "Drift: none (what runs now is what boot will build)";
        else
        {
            yield return $"Drift ({r.Drift.Length}):";
            foreach (var d in r.Drift) yield return $"  - {d.Message}";
        }
    }
}

/// <summary>One link, address or route and where it persists.</summary>
public sealed record PersistedObject(string Kind, string Name, Persistence Persistence);
