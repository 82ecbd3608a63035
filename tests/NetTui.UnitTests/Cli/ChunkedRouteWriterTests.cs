using System.Collections.Immutable;
using System.Text;
using NetTui.Core.Model;

namespace NetTui.UnitTests.Cli;

/// <summary>
/// `show --json` formats routes in chunks on several threads and splices them into the rest
/// of the document; the result must be byte for byte the one-pass serializer's document,
/// whatever the chunk size (one route, uneven, one chunk for all).
/// </summary>
public class ChunkedRouteWriterTests
{
    private static HostSnapshot WithRoutes(int n) => SampleSnapshot.Create() with
    {
        Routes = [.. Enumerable.Range(0, n).Select(i => new Route(
            i % 5 == 0 ? AddressFamily.Inet6 : AddressFamily.Inet, $"10.{i >> 8 & 255}.{i & 255}.0/24",
            i % 3 == 0 ? "192.0.2.1" : null, i % 7 == 0 ? "vé<&>\"" : "vp1", "static", "global",
            i % 2 == 0 ? i : null, i % 4 == 0 ? "main" : "100", "unicast", i % 11 == 0 ? "192.0.2.9" : null)
        {
            Persistence = (i % 4) switch
            {
                0 => Core.Model.Persistence.RuntimeOnly,
                1 => new Core.Model.Persistence(PersistenceKind.NetworkManager, "p \"x\"", "u-1", "note"),
                2 => new Core.Model.Persistence(PersistenceKind.Kernel, Note: "made by the kernel for a persisted address"),
                _ => null,
            },
        })],
    };

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(1000, 64)]
    [InlineData(1000, 333)]
    [InlineData(1000, 5000)]
    [InlineData(1, 4096)]
    [InlineData(0, 4096)]
    public async Task The_chunked_document_equals_the_serializers(int routes, int chunkSize)
    {
        var snapshot = WithRoutes(routes);
        using var ms = new MemoryStream();
        await SnapshotJson.WriteSnapshotAsync(ms, snapshot, chunkSize, TestContext.Current.CancellationToken);
        Assert.Equal(SnapshotJson.Serialize(snapshot), Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public async Task A_nested_routes_property_is_not_taken_for_the_snapshots()
    {
        // A NetworkManager profile's (empty) "routes" is written after the snapshot's and deeper.
        var profile = new NmProfile("p", "u", "802-3-ethernet", "vp1", null, null, false, true, "manual", [], [], null, null);
        var snapshot = WithRoutes(10) with { NetworkManager = new NetworkManagerState(true, null, "1.42", [profile]) };
        using var ms = new MemoryStream();
        await SnapshotJson.WriteSnapshotAsync(ms, snapshot, 3, TestContext.Current.CancellationToken);
        Assert.Equal(SnapshotJson.Serialize(snapshot), Encoding.UTF8.GetString(ms.ToArray()));
    }
}
