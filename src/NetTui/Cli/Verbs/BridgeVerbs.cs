using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui bridge add|del|attach|detach`: Linux bridges (what brctl did).</summary>
public static class BridgeVerbs
{
    public static Command Create(ChangeHost host)
    {
        var bridge = new Command("bridge", "Create, delete and wire Linux bridges");
        bridge.Add(Add(host));
        bridge.Add(Del(host));
        bridge.Add(Attach(host));
        bridge.Add(Detach(host));
        return bridge;
    }

    private static Command Add(ChangeHost host)
    {
        var cmd = new Command("add", "Create a Linux bridge and bring it up");
        var name = new Argument<string>("NAME");
        var address = new Option<string?>("--address") { HelpName = "CIDR", Description = "Address with prefix or netmask, e.g. 192.168.100.1/24" };
        var stp = new Option<string?>("--stp") { HelpName = "on|off", Description = "Spanning tree: on or off (default off)" };
        cmd.Add(name);
        cmd.Add(address);
        cmd.Add(stp);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new CreateBridge(r.GetValue(name)!, r.GetValue(address), OnOff(r.GetValue(stp), "stp")));
        return cmd;
    }

    internal static bool OnOff(string? text, string field) => text switch
    {
        null or "off" => false,
        "on" => true,
        _ => throw new UsageException(field, $"'{text}' is not on or off"),
    };

    private static Command Del(ChangeHost host)
    {
        var cmd = new Command("del", "Delete a Linux bridge (its ports are detached first)");
        var name = new Argument<string>("NAME");
        cmd.Add(name);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new DeleteBridge(r.GetValue(name)!));
        return cmd;
    }

    private static Command Attach(ChangeHost host)
    {
        var cmd = new Command("attach", "Make an interface (also an OVS internal port) a port of a Linux bridge");
        var bridge = new Argument<string>("BRIDGE");
        var iface = new Argument<string>("IFACE");
        cmd.Add(bridge);
        cmd.Add(iface);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new AttachToBridge(r.GetValue(bridge)!, r.GetValue(iface)!));
        return cmd;
    }

    private static Command Detach(ChangeHost host)
    {
        var cmd = new Command("detach", "Take an interface out of its Linux bridge");
        var iface = new Argument<string>("IFACE");
        cmd.Add(iface);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new DetachFromBridge(r.GetValue(iface)!));
        return cmd;
    }
}
