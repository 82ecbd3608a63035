using NetTui.Core.Model;
using NetTui.Core.Operations;
using static NetTui.UnitTests.Doctor.ContainerChecksFixtures;

namespace NetTui.UnitTests.Operations;

public class SetContainerMtuTests
{
    private static readonly HostSnapshot Host = SeedA();

    [Fact]
    public void Lowers_the_container_side_first_then_its_veth_each_with_its_undo()
    {
        var op = new SetContainerMtu("c1", "1462");
        Assert.Empty(op.Validate(Host, OperationContext.Default));
        var steps = op.Plan(Host, OperationContext.Default).Cast<CommandStep>().ToList();
        Assert.Equal(["--target", "4242", "--net", "ip", "link", "set", "dev", "eth0", "mtu", "1462"], steps[0].Do.Arguments);
        Assert.False(steps[0].Do.InTargetNamespace); // the container's namespace is entered by pid, not through the target's
        Assert.Equal("1500", steps[0].Undo[0].Arguments[^1]);
        Assert.Equal(["link", "set", "dev", "vethc1", "mtu", "1462"], steps[1].Do.Arguments);
        Assert.Equal(["link", "set", "dev", "vethc1", "mtu", "1500"], steps[1].Undo[0].Arguments);
    }

    [Fact]
    public void Inverse_and_verify_read_the_host_side_veth()
    {
        var op = new SetContainerMtu("c1", "1462");
        Assert.Equal(new SetContainerMtu("c1", "1500"), op.Inverse(Host, OperationContext.Default));
        Assert.NotEmpty(op.Verify(Host, OperationContext.Default));
        Assert.Empty(op.Verify(SeedA(containerMtu: 1462), OperationContext.Default));
    }

    [Theory]
    [InlineData("c1;reboot", "1462", "container")]
    [InlineData("", "1462", "container")]
    [InlineData("c1", "99999999", "mtu")]
    public void Bad_fields_are_rejected(string container, string mtu, string field) =>
        OpAssert.Rejected(new SetContainerMtu(container, mtu), Host, field);

    [Fact]
    public void Host_checks()
    {
        Assert.Contains(new SetContainerMtu("nope", "1462").Validate(Host, OperationContext.Default), e => e.Message.Contains("no container", StringComparison.Ordinal));
        Assert.Contains(new SetContainerMtu("c1", "1500").Validate(Host, OperationContext.Default), e => e.Field == "mtu");
        var stopped = Host with { Containers = [Host.Containers[0] with { Pid = null, State = "exited" }] };
        Assert.Contains(new SetContainerMtu("c1", "1462").Validate(stopped, OperationContext.Default), e => e.Message.Contains("not running", StringComparison.Ordinal));
    }
}
