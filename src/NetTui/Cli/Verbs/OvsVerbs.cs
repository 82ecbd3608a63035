using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui ovs bridge add|del`, `ovs gre add`, `ovs vxlan add`, `ovs port del`: Open vSwitch through ovs-vsctl.</summary>
public static class OvsVerbs
{
    public static Command Create(ChangeHost host)
    {
        var ovs = new Command("ovs", "Open vSwitch bridges and ports");
        var bridge = new Command("bridge", "Create or delete an OVS bridge");
        bridge.Add(BridgeAdd(host));
        bridge.Add(BridgeDel(host));
        var gre = new Command("gre", "GRE ports on OVS bridges");
        gre.Add(GreAdd(host));
        var vxlan = new Command("vxlan", "VXLAN ports on OVS bridges");
        vxlan.Add(VxlanAdd(host));
        var port = new Command("port", "Ports on OVS bridges");
        port.Add(PortDel(host));
        ovs.Add(bridge);
        ovs.Add(gre);
        ovs.Add(vxlan);
        ovs.Add(port);
        return ovs;
    }

    private static Command BridgeAdd(ChangeHost host)
    {
        var cmd = new Command("add", "Create an OVS bridge");
        var name = new Argument<string>("NAME");
        var datapath = new Option<string?>("--datapath") { HelpName = "system|netdev", Description = "system (kernel module) or netdev (userspace); default system, or netdev where the kernel has no openvswitch module" };
        cmd.Add(name);
        cmd.Add(datapath);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new CreateOvsBridge(r.GetValue(name)!, r.GetValue(datapath) ?? (host.KernelDatapath() ? "system" : "netdev")));
        return cmd;
    }

    private static Command BridgeDel(ChangeHost host)
    {
        var cmd = new Command("del", "Delete an OVS bridge and its ports");
        var name = new Argument<string>("NAME");
        cmd.Add(name);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new DeleteOvsBridge(r.GetValue(name)!));
        return cmd;
    }

    private static Command GreAdd(ChangeHost host)
    {
        var cmd = new Command("add", "Add a GRE port, type and options in one transaction");
        var bridge = new Argument<string>("BRIDGE");
        var port = new Argument<string>("PORT");
        var remote = new Option<string>("--remote") { HelpName = "IP", Required = true, Description = "The peer's underlay address" };
        var local = new Option<string?>("--local") { HelpName = "IP", Description = "This host's underlay address" };
        var key = new Option<string?>("--key") { HelpName = "N", Description = "GRE key (0-4294967295)" };
        cmd.Add(bridge);
        cmd.Add(port);
        cmd.Add(remote);
        cmd.Add(local);
        cmd.Add(key);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r =>
            new AddOvsGrePort(r.GetValue(bridge)!, r.GetValue(port)!, r.GetValue(remote)!, r.GetValue(local), r.GetValue(key)));
        return cmd;
    }

    private static Command VxlanAdd(ChangeHost host)
    {
        var cmd = new Command("add", "Add a VXLAN port, type and options in one transaction");
        var bridge = new Argument<string>("BRIDGE");
        var port = new Argument<string>("PORT");
        var remote = new Option<string>("--remote") { HelpName = "IP", Required = true, Description = "The peer's underlay address" };
        var local = new Option<string?>("--local") { HelpName = "IP", Description = "This host's underlay address" };
        var vni = new Option<string?>("--vni") { HelpName = "N", Description = "VXLAN network identifier, options:key (1-16777215; OVS sends 0 without it)" };
        var dstport = VxlanVerbs.DstPort();
        cmd.Add(bridge);
        cmd.Add(port);
        foreach (var o in new Option[] { remote, local, vni, dstport }) cmd.Add(o);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r =>
            new AddOvsVxlanPort(r.GetValue(bridge)!, r.GetValue(port)!, r.GetValue(remote)!, r.GetValue(local), r.GetValue(vni), r.GetValue(dstport)));
        return cmd;
    }

    private static Command PortDel(ChangeHost host)
    {
        var cmd = new Command("del", "Delete a port from an OVS bridge");
        var bridge = new Argument<string>("BRIDGE");
        var port = new Argument<string>("PORT");
        cmd.Add(bridge);
        cmd.Add(port);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new DeleteOvsPort(r.GetValue(bridge)!, r.GetValue(port)!));
        return cmd;
    }
}
