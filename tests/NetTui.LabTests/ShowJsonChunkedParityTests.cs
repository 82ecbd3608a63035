using System.Text;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// `show --json` writes the snapshot with its routes formatted in chunks on several threads
/// (ChunkedRouteWriter). On a real namespace (veths, a bridge and its ports, IPv4 and IPv6
/// addresses, a few thousand routes over several tables, kernel-made local routes), the
/// bytes must be those of the one-pass serializer for the same snapshot.
/// </summary>
public sealed class ShowJsonChunkedParityTests
{
    [Fact]
    public async Task Chunked_show_json_equals_the_one_pass_document_on_a_lab_namespace()
    {
        await using var host = await LabHost.CreateAsync();
        var batch = new StringBuilder();
        batch.AppendLine("link add brc type bridge").AppendLine("link set brc up").AppendLine("addr add 172.30.0.1/16 dev brc");
        for (int i = 0; i < 6; i++)
        {
            batch.AppendLine($"link add cv{i} type veth peer name cp{i}").AppendLine($"link set cv{i} up").AppendLine($"link set cp{i} up");
            if (i < 3) batch.AppendLine($"link set cv{i} master brc");
            else batch.AppendLine($"addr add 10.77.{i}.1/24 dev cv{i}").AppendLine($"addr add 2001:db8:{i}::1/64 dev cv{i}");
        }
        var tables = new[] { "main", "100", "200" };
        for (int i = 0; i < 3000; i++)
            batch.AppendLine($"route add 10.{80 + i / 256 % 4}.{i % 256}.0/24 dev cv{3 + i % 3} table {tables[i % 3]}");
        var file = Path.Combine(host.StateDir, "chunked.batch");
        Directory.CreateDirectory(host.StateDir);
        await File.WriteAllTextAsync(file, batch.ToString(), TestContext.Current.CancellationToken);
        await host.CheckedAsync("ip", "-batch", file);
        await host.WaitUntilSettledAsync();

        var options = new InventoryOptions(null, "unix:///nonexistent/ntl/docker.sock", "unix:path=/nonexistent/bus");
        var snapshot = await HostInventory.For(new NetworkTarget(host.Name), options).ReadAsync(InventoryParts.All, TestContext.Current.CancellationToken);
        Assert.True(snapshot.Routes.Length > 3000);
        Assert.Contains(snapshot.Links, l => l.Master == "brc");
        Assert.All(snapshot.Routes, r => Assert.NotNull(r.Persistence));

        foreach (var chunkSize in new[] { 97, 4096 })
        {
            using var ms = new MemoryStream();
            await SnapshotJson.WriteSnapshotAsync(ms, snapshot, chunkSize, TestContext.Current.CancellationToken);
            Assert.Equal(SnapshotJson.Serialize(snapshot), Encoding.UTF8.GetString(ms.ToArray()));
        }
    }
}
