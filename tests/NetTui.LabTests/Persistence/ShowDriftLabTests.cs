using System.Text.Json.Nodes;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// `nettui show drift` and the BOOT column of `nettui show all` against a real NetworkManager
/// (private bus, lab namespace): a bridge NetTui persisted is not drift, a `brctl addbr` one is,
/// and after `persist make` it is not any more.
/// </summary>
public sealed class ShowDriftLabTests
{
    [Fact]
    public async Task Show_drift_lists_a_brctl_bridge_until_it_is_made_persistent_and_show_all_says_where_each_persists()
    {
        await using var lab = await PersistLab.CreateAsync();
        var env = new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = lab.Nm.BusAddress };
        string[] common = ["--netns", lab.Host.Name];
        var add = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "add", "brp", "--address", "192.168.63.1/24", .. common, "--history", Path.Combine(lab.Host.StateDir, "h.db")]);
        Assert.True(add.Succeeded, add.StandardOutput + add.StandardError);
        await lab.Host.CheckedAsync("brctl", "addbr", "brr");
        await lab.Host.CheckedAsync("ip", "addr", "add", "192.168.64.1/24", "dev", "brr");
        await lab.Host.CheckedAsync("ip", "link", "set", "brr", "up");

        var json = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["show", "drift", "--json", .. common]);
        Assert.True(json.Succeeded, json.StandardError);
        var doc = JsonNode.Parse(json.StandardOutput)!;
        Assert.True((bool)doc["networkManagerAvailable"]!);
        var drift = doc["drift"]!.AsArray();
        Assert.Contains(drift, d => (string?)d!["kind"] == "runtimeBridge" && (string?)d["object"] == "brr");
        Assert.DoesNotContain(drift, d => (string?)d!["interface"] == "brp");

        var text = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["show", "all", .. common]);
        Assert.True(text.Succeeded, text.StandardError);
        var lines = text.StandardOutput.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("INDEX", StringComparison.Ordinal) && l.Contains(" BOOT ", StringComparison.Ordinal));
        // NetworkManager adds its addresses with noprefixroute (it makes the prefix route itself): the table says so.
        Assert.True(lines.Any(l => l.Contains(" brp ", StringComparison.Ordinal) && l.Contains("NM:nettui-brp", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(l, @"192\.168\.63\.1/24( \[noprefixroute\])? \(NM:nettui-brp\)")), text.StandardOutput);
        Assert.Contains(lines, l => l.Contains(" brr ", StringComparison.Ordinal) && l.Contains(" lost ", StringComparison.Ordinal) && l.Contains("192.168.64.1/24 (lost)", StringComparison.Ordinal));

        var make = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["persist", "make", "brr", .. common, "--history", Path.Combine(lab.Host.StateDir, "h.db")]);
        Assert.True(make.Succeeded, make.StandardOutput + make.StandardError);
        await LabWait.UntilAsync("brr to be no drift any more", async () =>
        {
            var r = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["show", "drift", "--json", .. common]);
            return r.Succeeded && !JsonNode.Parse(r.StandardOutput)!["drift"]!.AsArray().Any(d => (string?)d!["interface"] == "brr");
        }, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        var after = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["show", "drift", .. common]);
        Assert.Contains("NetworkManager: ok", after.StandardOutput, StringComparison.Ordinal);
    }
}
