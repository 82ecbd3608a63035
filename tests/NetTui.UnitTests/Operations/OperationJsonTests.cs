using System.Collections.Immutable;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class OperationJsonTests
{
    public static TheoryData<Operation> All() =>
    [
        new CreateBridge("br0", "192.168.100.1/24", true) { Ports = ["veth1"], Routes = [new AddRoute("10.9.0.0/16", Dev: "br0")] },
        new DeleteBridge("br0"),
        new AddAddress("docker0", "192.168.40.100/24"),
        new RemoveAddress("docker0", "192.168.40.100/24"),
        new AttachToBridge("br0", "obr0"),
        new DetachFromBridge("obr0"),
        new SetLinkState("br0", false),
        new SetMtu("br0", "1400"),
        new CreateOvsBridge("obr0", "netdev") { Master = "br0", Ports = [new AddOvsPort("obr0", "p1", "internal")] },
        new DeleteOvsBridge("obr0"),
        new AddOvsGrePort("obr0", "gre0", "192.168.42.131", Key: "7"),
        new AddOvsPort("obr0", "vx0", "vxlan") { Options = ImmutableSortedDictionary<string, string>.Empty.Add("remote_ip", "1.2.3.4") },
        new DeleteOvsPort("obr0", "gre0"),
        new CreateIpTunnel("gre1", "gretap", "1.2.3.4", Ttl: "64"),
        new DeleteIpTunnel("gre1"),
        new CreateVxlan("vxlan0", "42", "1.2.3.4", Local: "10.0.0.5", Mtu: "1450") { Learning = false },
        new DeleteVxlan("vxlan0"),
        new AddOvsVxlanPort("obr0", "vxlan0", "192.168.42.131", Key: "42", DstPort: "4789"),
        new AddRoute("192.168.2.0/24", "192.168.42.131", "ens33", "10", "100"),
        new DeleteRoute("192.168.2.0/24"),
        new SetDockerDefaultBridge("br0", "/etc/docker/daemon.json"),
        new SetDockerMtu("1462", "/etc/docker/daemon.json"),
        new SetContainerMtu("web", "1462"),
        // Persistence (src/NetTui.Core/Persisting).
        new NetTui.Core.Persisting.PersistedOperation(new CreateBridge("br0", "192.168.100.1/24")),
        new NetTui.Core.Persisting.MakePersistent("br7"),
        new NetTui.Core.Persisting.ForgetProfiles("br7"),
        new NetTui.Core.Persisting.Backends.KeepAtBoot("br7"),
    ];

    [Theory]
    [MemberData(nameof(All))]
    public void Round_trips_with_the_kind_as_discriminator(Operation op)
    {
        var json = OperationJson.Serialize(op);
        Assert.Contains($"\"op\": \"{op.Kind}\"", json, StringComparison.Ordinal);
        var back = OperationJson.Deserialize(json)!;
        Assert.Equal(op.GetType(), back.GetType());
        Assert.Equal(json, OperationJson.Serialize(back));
    }

    [Fact]
    public void Every_operation_type_is_registered_and_kinds_are_unique()
    {
        var types = typeof(Operation).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Operation)) && !t.IsAbstract).ToList();
        Assert.Equal(types.Count, All().Count());
        var kinds = All().Select(d => ((Operation)d.Data).Kind).ToList();
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
    }

    [Fact]
    public void A_plan_file_with_bad_fields_still_loads_and_is_then_refused()
    {
        var op = OperationJson.Deserialize("{\"op\":\"bridge.add\",\"name\":\"br0;reboot\"}")!;
        Assert.Equal("name", Assert.Single(op.CheckFields()).Field);
    }

    [Fact]
    public void Plans_serialize_with_step_kinds()
    {
        var steps = new AddRoute("192.168.2.0/24", "10.0.0.1").Plan(TestHost.Basic(), OperationContext.Default);
        var json = OperationJson.Serialize(steps);
        Assert.Contains("\"step\": \"command\"", json, StringComparison.Ordinal);
        Assert.Contains("\"program\": \"ip\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_holding_lists_compare_by_value()
    {
        var a = new CreateBridge("br0") { Ports = ["v1", "v2"], Routes = [new AddRoute("10.0.0.0/8", Dev: "br0")] };
        var b = new CreateBridge("br0") { Ports = ["v1", "v2"], Routes = [new AddRoute("10.0.0.0/8", Dev: "br0")] };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Ports = ["v1"] });
    }
}
