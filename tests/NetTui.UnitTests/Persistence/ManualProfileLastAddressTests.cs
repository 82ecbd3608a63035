using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using static NetTui.UnitTests.Persistence.PlannerTests;

namespace NetTui.UnitTests.Persistence;

/// <summary>
/// "manual" without an address is a profile NetworkManager refuses: removing the last static
/// address of a manual profile takes the method with it (ipv4 disabled, ipv6 ignore), and its
/// undo puts both back; removing one of two leaves the method alone.
/// </summary>
public sealed class ManualProfileLastAddressTests
{
    private static UpdateProfile Update(Operation op, HostSnapshot host) =>
        Assert.IsType<UpdateProfile>(Assert.IsType<NetworkManagerStep>(Assert.Single(PersistentPlanner.Plan(op, host).Steps)).Do);

    [Fact]
    public void The_last_ipv4_address_of_a_manual_profile_takes_the_method_to_disabled_and_back()
    {
        var host = PlannerTests.Host(Profile("lan", "ethernet", "eth1", addresses: ["10.0.0.1/24"]));
        var update = Update(new RemoveAddress("eth1", "10.0.0.1/24"), host);

        var edit = Assert.IsType<RemoveAddressEdit>(Assert.Single(update.Edits));
        Assert.Equal("disabled", edit.MethodAfter);
        var after = edit.Apply(host.NetworkManager!.Profiles[0].Settings!);
        Assert.Equal("disabled", after.GetString("ipv4", "method"));
        var undone = Assert.IsType<AddAddressEdit>(Assert.Single(update.Reversed().Edits));
        Assert.Equal("manual", undone.Apply(after).GetString("ipv4", "method"));
    }

    [Fact]
    public void One_of_two_addresses_leaves_the_method_manual()
    {
        var host = PlannerTests.Host(Profile("lan", "ethernet", "eth1", addresses: ["10.0.0.1/24", "10.0.1.1/24"]));
        var edit = Assert.IsType<RemoveAddressEdit>(Assert.Single(Update(new RemoveAddress("eth1", "10.0.0.1/24"), host).Edits));
        Assert.Null(edit.MethodAfter);
    }
}
