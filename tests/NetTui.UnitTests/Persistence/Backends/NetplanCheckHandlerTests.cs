using NetTui.Core.Commands;
using NetTui.Core.Persisting.Netplan;
using NetTui.Host.Commands;
using NetTui.Host.Persisting;

namespace NetTui.UnitTests.Persistence.Backends;

/// <summary>The real `netplan generate` (netplan.io 0.106) on files in a scratch root: it renders only there, touching no network.</summary>
public class NetplanCheckHandlerTests
{
    private static readonly NetplanCheckHandler Handler = new(new CommandRunner(NetworkTarget.Current));

    private static NetplanCheckStep Step(string text) => new("check", [new NetplanFileText(NetplanConfig.OwnFile, text)]);

    [Fact]
    public async Task A_file_netplan_accepts_passes()
    {
        const string text = "network:\n  version: 2\n  ethernets:\n    vport0: {}\n  bridges:\n    br0:\n      interfaces: [vport0]\n      addresses: [192.168.80.1/24]\n";
        Assert.Null(await Handler.DoAsync(Step(text), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_netplan_rejects_fails_with_netplans_line_naming_the_hosts_file()
    {
        const string text = "network:\n  version: 2\n  bridges:\n    br0:\n      interfaces: [vport9]\n";
        var error = await Handler.DoAsync(Step(text), TestContext.Current.CancellationToken);
        Assert.Equal("netplan rejects the files: /etc/netplan/90-nettui.yaml:5:20: Error in network definition: br0: interface 'vport9' is not defined; nothing was written", error);
    }
}
