using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui vxlan add|del`: kernel VXLAN devices; `ovs vxlan add` is in <see cref="OvsVerbs"/>.</summary>
public static class VxlanVerbs
{
    public static Command Create(ChangeHost host)
    {
        var vxlan = new Command("vxlan", "Kernel VXLAN devices (UDP overlay, port 4789)");
        vxlan.Add(Add(host));
        vxlan.Add(Del(host));
        return vxlan;
    }

    private static Command Add(ChangeHost host)
    {
        var cmd = new Command("add", "Create a VXLAN device and bring it up");
        var name = new Argument<string>("NAME");
        var vni = Vni();
        var remote = new Option<string?>("--remote") { HelpName = "IP", Description = "The peer's underlay address (unicast)" };
        var group = new Option<string?>("--group") { HelpName = "IP", Description = "A multicast group to flood to (needs --dev)" };
        var local = new Option<string?>("--local") { HelpName = "IP", Description = "This host's underlay address" };
        var dstport = DstPort();
        var dev = new Option<string?>("--dev") { HelpName = "IFACE", Description = "The underlay device" };
        var mtu = new Option<string?>("--mtu") { HelpName = "N", Description = "MTU (50 below the underlay's for IPv4)" };
        var noLearning = new Option<bool>("--no-learning") { Description = "Do not learn remote MACs from received packets" };
        foreach (var o in new Option[] { vni, remote, group, local, dstport, dev, mtu, noLearning }) cmd.Add(o);
        cmd.Add(name);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new CreateVxlan(r.GetValue(name)!, r.GetValue(vni)!, r.GetValue(remote), r.GetValue(group),
            r.GetValue(local), r.GetValue(dstport), r.GetValue(dev), r.GetValue(mtu)) { Learning = !r.GetValue(noLearning) });
        return cmd;
    }

    private static Command Del(ChangeHost host)
    {
        var cmd = new Command("del", "Delete a VXLAN device");
        var name = new Argument<string>("NAME");
        cmd.Add(name);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => new DeleteVxlan(r.GetValue(name)!));
        return cmd;
    }

    internal static Option<string> Vni() => new("--vni") { HelpName = "N", Required = true, Description = "VXLAN network identifier (1-16777215)" };

    internal static Option<string?> DstPort() => new("--dstport") { HelpName = "N", Description = "UDP destination port (1-65535, default 4789)" };
}
