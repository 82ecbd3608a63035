using System.Text.Json.Nodes;
using NetTui.History.Journaling;

namespace NetTui.LabTests.History;

/// <summary>
/// An object changed by hand after NetTui changed it: undo says exactly what differs (key,
/// expected, actual) and refuses, exit 1, leaving the host and the journal as they were.
/// </summary>
public sealed class DriftLabTests
{
    [Fact]
    public async Task Undo_reports_a_hand_made_change_instead_of_clobbering_it()
    {
        await using var h = await HistoryLab.CreateAsync();
        var applied = await h.CliAsync("bridge", "add", "br0", "--address", "192.168.7.1/24");
        Assert.True(applied.Succeeded, applied.StandardError);
        await h.Lab.Ip("link", "set", "br0", "mtu", "1400");

        var undo = await h.CliAsync("undo", "--yes");
        Assert.Equal(1, undo.ExitCode);
        Assert.Contains("link/br0/mtu: expected 1500, actual 1400", undo.StandardError, StringComparison.Ordinal);
        Assert.Contains("not reverted", undo.StandardError, StringComparison.Ordinal);

        var json = await h.CliAsync("undo", "--yes", "--json");
        Assert.Equal(1, json.ExitCode);
        var doc = JsonNode.Parse(json.StandardOutput)!;
        Assert.Equal("refused", (string?)doc["outcome"]);
        var drift = doc["detail"]!["drift"]!.AsArray();
        Assert.Contains(drift, d => (string?)d!["key"] == "link/br0/mtu" && (string?)d["expected"] == "1500" && (string?)d["actual"] == "1400");

        // The host is untouched: br0 is still there with the admin's MTU.
        var link = (await h.Lab.Host.IpJsonAsync("link", "show", "br0"))[0]!;
        Assert.Equal(1400, (int)link["mtu"]!);
        var rows = await h.Journal.ListAllAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ChangeSetStatus.Applied, Assert.Single(rows).Status);
    }
}
