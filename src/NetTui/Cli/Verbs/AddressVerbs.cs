using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui address add|del IFACE CIDR` (CIDR may also be ADDRESS/NETMASK, or use --netmask).</summary>
public static class AddressVerbs
{
    public static Command Create(ChangeHost host)
    {
        var address = new Command("address", "Add or remove an address on an interface");
        address.Add(Make(host, "add", "Add an address", (i, a) => new AddAddress(i, a)));
        address.Add(Make(host, "del", "Remove an address", (i, a) => new RemoveAddress(i, a)));
        return address;
    }

    private static Command Make(ChangeHost host, string verb, string description, Func<string, string, Operation> op)
    {
        var cmd = new Command(verb, description);
        var iface = new Argument<string>("IFACE");
        var cidr = new Argument<string>("CIDR") { Description = "192.168.40.100/24, or 192.168.40.100/255.255.255.0" };
        var netmask = new Option<string?>("--netmask") { HelpName = "NETMASK", Description = "Netmask, when CIDR is a bare address (ifconfig style)" };
        cmd.Add(iface);
        cmd.Add(cidr);
        cmd.Add(netmask);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r =>
        {
            var a = r.GetValue(cidr)!;
            if (r.GetValue(netmask) is { } m) a = $"{a} {m}";
            return op(r.GetValue(iface)!, a);
        });
        return cmd;
    }
}
