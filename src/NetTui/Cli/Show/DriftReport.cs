using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Cli.Render;
using NetTui.Presentation;

namespace NetTui.Cli.Show;

/// <summary>
/// `nettui show drift [--json]`: each difference between what the persisted configuration
/// builds at boot (NetworkManager's saved profiles) and what runs now, with its fix.
/// Without NetworkManager there are no profiles to compare, but runtime-only bridges are
/// still listed (nothing builds them at boot).
/// </summary>
public sealed record DriftReport(
    string HostName,
    string? Namespace,
    DateTimeOffset TakenAt,
    bool NetworkManagerAvailable,
    string? NetworkManagerReason,
    ImmutableArray<DriftItem> Drift)
{
    public static DriftReport From(HostSnapshot s) => new(
        s.HostName, s.Namespace, s.TakenAt,
        s.NetworkManager?.Available ?? false,
        s.NetworkManager is { Available: false } nm ? nm.Reason : null,
        DriftFinder.Find(s));

    public static IEnumerable<string> Render(DriftReport r)
    {
        yield return $"Host {r.HostName}" + (r.Namespace is { } ns ? $", network namespace {ns}" : "");
        yield return r.NetworkManagerAvailable
            ? "NetworkManager: ok (its saved profiles are what boot builds)"
            : $"NetworkManager: DOWN ({r.NetworkManagerReason ?? "not consulted"}): no profiles, nothing but OVSDB and Docker builds anything at boot";
        yield return "";
        if (r.Drift.Length == 0)
        {
            yield return "Drift: none (what runs now is what boot will build)";
            yield break;
        }
        yield return $"Drift ({r.Drift.Length})";
        foreach (var line in TextTable.Format(["KIND", "OBJECT", "DIFFERENCE"],
                     r.Drift.Select(d => (IReadOnlyList<string>)[DriftPresenter.KindText(d.Kind), d.Object, d.Message])))
            yield return line;
        yield return "";
        yield return "Fixes";
        foreach (var d in r.Drift)
            yield return $"  {d.Object}: {d.Fix}";
    }
}
