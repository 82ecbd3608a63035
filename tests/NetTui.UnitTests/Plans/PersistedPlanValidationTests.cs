using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Plans;
using NetTui.Core.Wizard;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Plans;

/// <summary>
/// A persisted plan (NetworkManager answering) is validated against the host its own earlier
/// operations make, as a runtime plan is: the seed's wizard plan was refused with
/// "operations[3] (persisted).bridge: there is no bridge br0" wherever NetworkManager ran.
/// </summary>
public sealed class PersistedPlanValidationTests
{
    private static HostSnapshot HostWithNetworkManager() =>
        (HostSnapshot.Empty("h", null) with
        {
            Ovs = new OvsState("3.1.0", []),
            NetworkManager = new NetworkManagerState(true, null, "1.42.4", []),
        })
        .WithLink("lo", LinkKind.Loopback, "127.0.0.1/8")
        .WithOvsBridge("br-phy", "netdev")
        .Update("br-phy", l => l with { Addresses = [TestHost.Addr("10.10.0.1/24")] })
        .WithRoute("10.10.0.0/24", null, "br-phy", proto: "kernel");

    private static List<Operation> WizardPlanPersisted()
    {
        var input = new TunnelWizardInput
        {
            LocalUnderlay = "10.10.0.1", PeerUnderlay = "10.10.0.2",
            LocalSubnet = "192.168.1.0/24", PeerSubnet = "192.168.2.0/24",
        };
        var r = TunnelWizard.Plan(input, HostWithNetworkManager(), DateTimeOffset.UnixEpoch);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        return [.. r.Local!.Operations.Select(o => PersistedOperation.Wrap(o, runtimeOnly: false))];
    }

    [Fact]
    public void The_wizards_plan_persisted_through_NetworkManager_validates_step_by_step()
    {
        var check = PlanValidator.Check(WizardPlanPersisted(), HostWithNetworkManager(), OperationContext.Default);
        Assert.True(check.Ok, string.Join("; ", check.Errors.Select(e => $"{e.Where}: {e.Message}")));
        Assert.DoesNotContain(check.Notes, n => n.Contains("cannot be simulated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_later_operation_is_planned_against_the_profile_an_earlier_one_saves()
    {
        var check = PlanValidator.Check(WizardPlanPersisted(), HostWithNetworkManager(), OperationContext.Default);
        Assert.True(check.Ok);
        var bridgeProfile = check.Operations.SelectMany(o => o.Steps).OfType<NetworkManagerStep>()
            .Select(s => s.Do).OfType<AddProfile>().Single(a => a.Settings.InterfaceName == "br0").Settings;
        var route = check.Operations.Single(o => o.Operation is PersistedOperation { Inner: AddRoute });
        // The route to the peer's subnet is added to br0's new profile (same uuid), not left runtime-only.
        var edit = Assert.Single(route.Steps.OfType<NetworkManagerStep>());
        Assert.Equal(bridgeProfile.Uuid, edit.Do.Uuid);
    }

    [Fact]
    public void Without_the_fix_the_simulated_host_would_lack_the_bridge()
    {
        // The simulator knows a persisted operation by its inner one (it used not to).
        Assert.True(SnapshotSimulator.Knows(new PersistedOperation(new CreateBridge("br0", "192.168.1.1/24"))));
        var (after, _) = SnapshotSimulator.After(HostWithNetworkManager(), OperationContext.Default,
            new PersistedOperation(new CreateBridge("br0", "192.168.1.1/24")));
        Assert.NotNull(after.FindLink("br0"));
        Assert.Contains(after.NetworkManager!.Profiles, p => p.InterfaceName == "br0" && p.Type == "bridge");
    }
}
