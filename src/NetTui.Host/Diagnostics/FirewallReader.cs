using NetTui.Core.Commands;
using NetTui.Core.Wizard;
using NetTui.Host.Commands;

namespace NetTui.Host.Diagnostics;

/// <summary>
/// Reads the target's iptables filter table (`iptables-save -t filter`, through the
/// namespace-aware runner) for what the INPUT chain does with a UDP port (<see cref="InputFirewall"/>).
/// Null when it cannot be read (no iptables, no rights): the caller then says "not checked".
/// </summary>
public static class FirewallReader
{
    public static async Task<FirewallVerdict?> InputForUdpAsync(ICommandRunner runner, int port, CancellationToken ct = default)
    {
        try
        {
            var r = await runner.RunAsync(CommandSpec.Of("iptables-save", "-t", "filter"), ct).ConfigureAwait(false);
            return r.Succeeded ? InputFirewall.ForUdp(r.StandardOutput, port) : null;
        }
        catch (Exception e) when (e is CommandNotFoundException or CommandTimeoutException)
        {
            return null;
        }
    }
}
