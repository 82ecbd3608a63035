using NetTui.Core.Model;
using NetTui.Host.Inventory.NetworkManager;

namespace NetTui.UnitTests.Inventory;

public class NetworkManagerProbeTests
{
    [Theory]
    [InlineData(null, "/run/dbus/system_bus_socket")]
    [InlineData("", "/run/dbus/system_bus_socket")]
    [InlineData("unix:path=/x/bus.sock", "/x/bus.sock")]
    [InlineData("unix:path=/x/bus.sock,guid=0af0", "/x/bus.sock")]
    [InlineData("unix:abstract=/tmp/dbus-x", null)]
    [InlineData("tcp:host=localhost,port=1", null)]
    public void Bus_socket_path(string? address, string? expected) =>
        Assert.Equal(expected, NetworkManagerProbe.BusSocketPath(address));

    [Fact]
    public async Task Missing_bus_socket_is_down_with_the_path()
    {
        var s = await NetworkManagerProbe.ProbeAsync("unix:path=/nonexistent/nettui/bus.sock", TestContext.Current.CancellationToken);
        Assert.Equal(SourceKind.NetworkManager, s.Source);
        Assert.False(s.Available);
        Assert.Equal("no system D-Bus at /nonexistent/nettui/bus.sock", s.Reason);
    }
}
