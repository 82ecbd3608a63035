using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class CreateBridgeTests
{
    private static readonly HostSnapshot Host = TestHost.Basic();

    [Fact]
    public void Plans_the_seed_bridge_with_ip_commands()
    {
        var op = new CreateBridge("br0", "192.168.100.1 255.255.255.0");
        OpAssert.Valid(op, Host);
        Assert.Equal([
            "ip link add name br0 type bridge stp_state 0",
            "ip addr add 192.168.100.1/24 dev br0",
            "ip link set dev br0 up",
        ], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link del dev br0", "ip addr del 192.168.100.1/24 dev br0", "ip link set dev br0 down"], OpAssert.Undo(op, Host));
    }

    [Fact]
    public void Preview_shows_the_classic_commands_as_comments()
    {
        var steps = new CreateBridge("br0", "192.168.100.1/24", Stp: true).Plan(Host, OpAssert.Ctx);
        var lines = PlanPreview.Lines(new CreateBridge("br0"), steps, new("ntl-x")).ToList();
        Assert.Contains(lines, l => l.Contains("ip link add name br0 type bridge stp_state 1    # brctl addbr br0; brctl stp br0 on", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("# ifconfig br0 192.168.100.1 netmask 255.255.255.0", StringComparison.Ordinal));
        Assert.Contains("namespace ntl-x", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br0;reboot")]
    [InlineData("$(id)")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("a b")]
    [InlineData("..")]
    public void Bad_names_are_rejected_without_running_anything(string name) =>
        OpAssert.Rejected(new CreateBridge(name), Host, "name");

    [Theory]
    [InlineData("300.1.1.1/24")]
    [InlineData("192.168.1.1/33")]
    [InlineData("192.168.1.1 255.0.255.0")]
    [InlineData("192.168.1.1")]
    [InlineData("$(id)/24")]
    public void Bad_addresses_are_rejected(string address) =>
        OpAssert.Rejected(new CreateBridge("br0", address), Host, "address");

    [Fact]
    public void A_bridge_that_exists_is_not_created_again() =>
        OpAssert.Rejected(new CreateBridge("br0"), Host.WithBridge("br0"), "name", "already exists");

    [Fact]
    public void An_address_used_elsewhere_is_refused() =>
        OpAssert.Rejected(new CreateBridge("br0", "10.0.0.5/24"), Host, "address", "already used on eth0");

    [Fact]
    public void A_subnet_overlapping_another_bridge_is_refused() =>
        OpAssert.Rejected(new CreateBridge("br1", "192.168.100.7/16"), Host.WithBridge("br0", false, "192.168.100.1/24"), "address", "overlaps");

    [Fact]
    public void Ports_must_exist_and_be_free()
    {
        OpAssert.Rejected(new CreateBridge("br0") { Ports = ["nope0"] }, Host, "port", "no interface");
        var host = Host.WithBridge("br9").WithLink("veth1", LinkKind.Veth).WithPort("br9", "veth1");
        OpAssert.Rejected(new CreateBridge("br0") { Ports = ["veth1"] }, host, "port", "already a port of br9");
        OpAssert.Rejected(new CreateBridge("br0") { Ports = ["br0"] }, Host, "port");
    }

    [Fact]
    public void Inverse_deletes_it() =>
        Assert.Equal(new DeleteBridge("br0"), new CreateBridge("br0", "192.168.100.1/24").Inverse(Host, OpAssert.Ctx));

    [Fact]
    public void Verify_checks_existence_address_stp_and_state()
    {
        var op = new CreateBridge("br0", "192.168.100.1/24", Stp: true);
        Assert.Contains("bridge br0 does not exist", op.Verify(Host, OpAssert.Ctx));
        var good = Host.WithBridge("br0", true, "192.168.100.1/24");
        Assert.Empty(op.Verify(good, OpAssert.Ctx));
        var noStp = Host.WithBridge("br0", false, "192.168.100.1/24");
        Assert.Contains(op.Verify(noStp, OpAssert.Ctx), d => d.Contains("STP is off", StringComparison.Ordinal));
        var noAddr = Host.WithBridge("br0", true).Update("br0", l => l with { AdminUp = false });
        Assert.Equal(2, op.Verify(noAddr, OpAssert.Ctx).Count);
    }
}
