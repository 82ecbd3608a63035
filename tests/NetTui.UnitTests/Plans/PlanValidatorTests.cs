using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Plans;

/// <summary>Plans are checked step by step on the host as earlier operations would leave it.</summary>
public sealed class PlanValidatorTests
{
    private static readonly Operation[] Seed =
    [
        new CreateBridge("br0", "192.168.1.1/24"),
        new CreateOvsBridge("obr0", "netdev"),
        new AddOvsGrePort("obr0", "gre0", "10.0.0.9"),
        new AttachToBridge("br0", "obr0"),
        new SetMtu("obr0", "1462"),
        new SetLinkState("obr0", true),
        new AddRoute("192.168.2.0/24", Dev: "br0"),
    ];

    [Fact]
    public void Attach_after_create_validates_because_each_step_sees_the_ones_before()
    {
        var check = PlanValidator.Check(Seed, TestHost.Basic(), OperationContext.Default);
        Assert.True(check.Ok, string.Join("; ", check.Errors));
        Assert.Equal(Seed.Length, check.Operations.Length);
        Assert.Equal("br0", check.After.FindLink("obr0")!.Master);
    }

    [Fact]
    public void A_later_operation_that_cannot_run_refuses_the_plan_naming_its_index()
    {
        Operation[] ops = [.. Seed, new AttachToBridge("br0", "eth9")];
        var check = PlanValidator.Check(ops, TestHost.Basic(), OperationContext.Default);
        var e = Assert.Single(check.Errors);
        Assert.Equal("operations[7] (bridge.attach).interface", e.Where);
    }

    [Fact]
    public void Teardown_is_the_inverses_newest_first_and_returns_the_simulated_host_to_the_start()
    {
        var start = TestHost.Basic();
        var check = PlanValidator.Check(Seed, start, OperationContext.Default);
        var teardown = check.Teardown!.Value;
        Assert.IsType<DeleteRoute>(teardown[0]);
        Assert.IsType<DeleteBridge>(teardown[^1]);
        var back = PlanValidator.Check(teardown, check.After, OperationContext.Default);
        Assert.True(back.Ok, string.Join("; ", back.Errors));
        Assert.Equal(start.Links.Select(l => l.Name), back.After.Links.Select(l => l.Name));
        Assert.Empty(back.After.Ovs!.Bridges);
    }
}
