using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;

namespace NetTui.Core.Plans;

/// <summary>
/// NetworkManager's profiles as a persisted operation's steps would leave them, so the next
/// operation of the same plan is planned against them: "attach obr0 to br0" after "create
/// br0" (persisted) finds br0's new profile and becomes a port of it, exactly as it does when
/// it runs (the executor re-reads NetworkManager between operations).
/// </summary>
internal static class SimulatedProfiles
{
    public static HostSnapshot After(HostSnapshot s, IEnumerable<PlanStep> steps)
    {
        if (s.NetworkManager is not { Available: true } nm) return s;
        var profiles = nm.Profiles.ToList();
        foreach (var action in steps.OfType<NetworkManagerStep>().Select(n => n.Do))
        {
            var i = profiles.FindIndex(p => p.Uuid == action.Uuid);
            switch (action)
            {
                case AddProfile add:
                    if (i >= 0) profiles.RemoveAt(i);
                    profiles.Add(NmProfileMapper.Map(add.Settings, filename: null, activeDevice: null));
                    break;
                case UpdateProfile update when i >= 0 && profiles[i].Settings is { } settings:
                    var edited = update.Edits.Aggregate(settings, (acc, e) => e.Apply(acc));
                    profiles[i] = NmProfileMapper.Map(edited, profiles[i].Filename, profiles[i].ActiveDevice, profiles[i].InMemory);
                    break;
                case DeleteProfile when i >= 0:
                    profiles.RemoveAt(i);
                    break;
                case ActivateProfile activate when i >= 0:
                    profiles[i] = profiles[i] with { ActiveDevice = activate.Device ?? profiles[i].InterfaceName };
                    break;
                case DeactivateProfile when i >= 0:
                    profiles[i] = profiles[i] with { ActiveDevice = null };
                    break;
            }
        }
        return s with { NetworkManager = nm with { Profiles = [.. profiles] } };
    }
}
