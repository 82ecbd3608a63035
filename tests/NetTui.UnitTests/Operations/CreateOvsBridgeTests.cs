using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class CreateOvsBridgeTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithBridge("br0", false, "192.168.1.1/24");

    [Fact]
    public void Sets_the_datapath_in_the_same_transaction()
    {
        var op = new CreateOvsBridge("obr0", "netdev");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ovs-vsctl --timeout=10 add-br obr0 -- set bridge obr0 datapath_type=netdev"], OpAssert.Commands(op, Host));
        Assert.Equal(["ovs-vsctl --timeout=10 --no-wait --if-exists del-br obr0"], OpAssert.Undo(op, Host));
        Assert.Equal(new DeleteOvsBridge("obr0"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Fact]
    public void Uses_the_database_and_environment_of_the_context()
    {
        var ctx = OpAssert.Ctx with { Ovs = new OvsConnection("unix:/tmp/ovs/db.sock", ImmutableDictionary<string, string>.Empty.Add("OVS_RUNDIR", "/tmp/ovs"), 3) };
        var step = (CommandStep)new CreateOvsBridge("obr0").Plan(Host, ctx)[0];
        Assert.Equal("ovs-vsctl --timeout=3 --db=unix:/tmp/ovs/db.sock add-br obr0 -- set bridge obr0 datapath_type=system", step.Do.Display);
        Assert.Equal("/tmp/ovs", step.Do.Environment!["OVS_RUNDIR"]);
        Assert.Equal(TimeSpan.FromSeconds(8), step.Do.Timeout);
    }

    [Theory]
    [InlineData("obr0;reboot", "netdev", "name")]
    [InlineData("$(id)", "netdev", "name")]
    [InlineData("abcdefghijklmnop", "netdev", "name")]
    [InlineData("obr0", "kernel", "datapath")]
    [InlineData("obr0", "netdev;reboot", "datapath")]
    public void Bad_fields_are_rejected(string name, string datapath, string field) =>
        OpAssert.Rejected(new CreateOvsBridge(name, datapath), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new CreateOvsBridge("obr0"), Host.WithOvsBridge("obr0"), "name", "already exists");
        OpAssert.Rejected(new CreateOvsBridge("br0"), Host, "name", "already exists");
        OpAssert.Rejected(new CreateOvsBridge("obr0"), Host.WithoutOvs(), "ovs", "database connection failed");
    }

    [Fact]
    public void Verify_compares_datapath()
    {
        var op = new CreateOvsBridge("obr0", "netdev");
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        Assert.Empty(op.Verify(Host.WithOvsBridge("obr0", "netdev"), OpAssert.Ctx));
        Assert.Contains(op.Verify(Host.WithOvsBridge("obr0", ""), OpAssert.Ctx), d => d.Contains("datapath is system", StringComparison.Ordinal));
        Assert.Empty(new CreateOvsBridge("obr0").Verify(Host.WithOvsBridge("obr0", ""), OpAssert.Ctx));
    }
}
