using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui tunnel add|del`: kernel GRE/GRETAP tunnels (needs the ip_gre module).</summary>
public static class TunnelVerbs
{
    public static Command Create(ChangeHost host)
    {
        var tunnel = new Command("tunnel", "Kernel GRE tunnels");
        tunnel.Add(Add(host));
        tunnel.Add(Del(host));
        return tunnel;
    }

    private static Command Add(ChangeHost host)
    {
        var cmd = new Command("add", "Create a gre or gretap tunnel and bring it up");
        var name = new Argument<string>("NAME");
        var mode = new Option<string>("--mode") { HelpName = "gre|gretap", Required = true, Description = "gre or gretap" };
        var remote = new Option<string>("--remote") { HelpName = "IP", Required = true };
        var local = new Option<string?>("--local") { HelpName = "IP" };
        var key = new Option<string?>("--key") { HelpName = "N" };
        var ttl = new Option<string?>("--ttl") { HelpName = "N" };
        cmd.Add(name);
        cmd.Add(mode);
        cmd.Add(remote);
        cmd.Add(local);
        cmd.Add(key);
        cmd.Add(ttl);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new CreateIpTunnel(r.GetValue(name)!, r.GetValue(mode)!, r.GetValue(remote)!,
            r.GetValue(local), r.GetValue(key), r.GetValue(ttl)));
        return cmd;
    }

    private static Command Del(ChangeHost host)
    {
        var cmd = new Command("del", "Delete a gre or gretap tunnel");
        var name = new Argument<string>("NAME");
        cmd.Add(name);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new DeleteIpTunnel(r.GetValue(name)!));
        return cmd;
    }
}
