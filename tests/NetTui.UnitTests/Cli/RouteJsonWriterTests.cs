using System.Reflection;
using System.Text;
using NetTui.Core.Model;

namespace NetTui.UnitTests.Cli;

/// <summary>
/// `show --json` writes routes with a hand-written writer (200,000 routes); its output must be
/// byte for byte what the reflection serializer writes, and it must know every Route property.
/// </summary>
public class RouteJsonWriterTests
{
    private static readonly HostSnapshot Snapshot = HostSnapshot.Empty("h", "ns") with
    {
        Routes =
        [
            new Route(AddressFamily.Inet, "198.51.100.0/24", "192.0.2.254", "eth0", "static", "global", 50, "main", "unicast", "192.0.2.1")
                { Persistence = new Core.Model.Persistence(PersistenceKind.NetworkManager, "eth0 \"lab\"", "0c8e", "follows 192.0.2.1/24") },
            new Route(AddressFamily.Inet6, "default", null, null, "boot", "global", null, "100", "blackhole")
                { Persistence = Core.Model.Persistence.RuntimeOnly },
            new Route(AddressFamily.Inet, "10.0.0.1", null, "vé<&>", "kernel", "link", 0, "local", "local"),
            new Route(AddressFamily.Inet, "10.0.0.0/8", null, "lo", "kernel", "host", null, "local", "local")
                { Persistence = new Core.Model.Persistence(PersistenceKind.Kernel, Note: "made by the kernel for a persisted address") },
            new Route(AddressFamily.Inet, "10.1.0.0/16", null, "ovs", "boot", "link", null, "main", "unicast")
                { Persistence = new Core.Model.Persistence(PersistenceKind.Ovsdb) },
            new Route(AddressFamily.Inet, "10.2.0.0/16", null, "d0", "boot", "link", null, "main", "unicast")
                { Persistence = new Core.Model.Persistence(PersistenceKind.Docker) },
        ],
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_streamed_json_equals_the_reflection_serializers(bool indented)
    {
        using var ms = new MemoryStream();
        SnapshotJson.Write(ms, Snapshot, indented);
        Assert.Equal(SnapshotJson.Serialize(Snapshot, indented), Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public void The_writer_knows_every_public_property_of_route()
    {
        var properties = typeof(Route).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null).Select(p => p.Name);
        Assert.Equal(properties.Order(), RouteJsonWriter.Properties.Order());
    }

    [Fact]
    public void The_writer_knows_every_public_property_of_persistence()
    {
        var properties = typeof(Core.Model.Persistence).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Where(n => n != "EqualityContract");
        Assert.Equal(properties.Order(), RouteJsonWriter.PersistenceProperties.Order());
    }
}
