using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui route add|del DEST [--via GW] [--dev IFACE] [--metric N] [--table N]`.</summary>
public static class RouteVerbs
{
    public static Command Create(ChangeHost host)
    {
        var route = new Command("route", "Add or delete routes");
        route.Add(Make(host, "add", "Add a route", (d, v, i, m, t) => new AddRoute(d, v, i, m, t)));
        route.Add(Make(host, "del", "Delete one route (say which with --via/--dev/--metric if several match)", (d, v, i, m, t) => new DeleteRoute(d, v, i, m, t)));
        return route;
    }

    private static Command Make(ChangeHost host, string verb, string description, Func<string, string?, string?, string?, string?, Operation> op)
    {
        var cmd = new Command(verb, description);
        var dest = new Argument<string>("DEST") { Description = "default, a subnet like 192.168.2.0/24, or a host address" };
        var via = new Option<string?>("--via") { HelpName = "GW", Description = "Gateway" };
        var dev = new Option<string?>("--dev") { HelpName = "IFACE", Description = "Output interface" };
        var metric = new Option<string?>("--metric") { HelpName = "N" };
        var table = new Option<string?>("--table") { HelpName = "N|main", Description = "Table number or main/local/default" };
        cmd.Add(dest);
        cmd.Add(via);
        cmd.Add(dev);
        cmd.Add(metric);
        cmd.Add(table);
        var common = ChangeOptions.AddTo(cmd, host);
        ChangeVerb.SetAction(cmd, host, common, r => op(r.GetValue(dest)!, r.GetValue(via), r.GetValue(dev), r.GetValue(metric), r.GetValue(table)));
        return cmd;
    }
}
