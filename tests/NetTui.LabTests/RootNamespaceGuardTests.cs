using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The lab's first rule: building and tearing down a full host (bridge, veths, routes, OVS,
/// dockerd with containers) and the two-host seed layout (forwarding on, GRE) changes
/// nothing in the root network namespace.
/// </summary>
public sealed class RootNamespaceGuardTests
{
    [Fact]
    public async Task Building_and_removing_a_foundation_host_leaves_the_root_namespace_unchanged()
    {
        var before = await RootNetworkState.CaptureAsync();
        Assert.Contains(before.Lines, l => l.StartsWith("link ") && l.Contains(" lo "));

        string name;
        await using (var s = await FoundationScenario.BuildAsync())
        {
            name = s.Host.Name;
            // The scenario really was built (in its namespace)...
            Assert.NotEmpty(await s.Host.IpJsonAsync("link", "show", "dev", FoundationScenario.Bridge));
            Assert.NotEmpty(await s.Host.IpJsonAsync("link", "show", "dev", "docker0"));
            // ...and while it runs, root sees none of it.
            var during = await RootNetworkState.CaptureAsync();
            Assert.Empty(RootNetworkState.Diff(before, during));
        }

        // The two-host seed layout turns forwarding on (in its namespaces) and joins hosts by veth.
        await using (var seed = await SeedScenario.BuildAsync())
            Assert.Empty(RootNetworkState.Diff(before, await RootNetworkState.CaptureAsync()));

        var after = await RootNetworkState.CaptureAsync();
        var diff = RootNetworkState.Diff(before, after);
        Assert.True(diff.Count == 0, "root namespace changed:\n" + string.Join('\n', diff));
        Assert.DoesNotContain(name, await LabSweep.ListNamespacesAsync());
    }
}
