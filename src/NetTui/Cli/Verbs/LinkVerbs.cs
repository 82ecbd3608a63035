using System.CommandLine;
using NetTui.Core.Operations;

namespace NetTui.Cli.Verbs;

/// <summary>`nettui link set IFACE up|down|mtu N`.</summary>
public static class LinkVerbs
{
    public static Command Create(ChangeHost host)
    {
        var link = new Command("link", "Change a link's state or MTU");
        var set = new Command("set", "IFACE up | IFACE down | IFACE mtu N");
        var iface = new Argument<string>("IFACE");
        var what = new Argument<string[]>("SETTING") { Arity = new ArgumentArity(1, 2), Description = "up, down, or mtu N" };
        set.Add(iface);
        set.Add(what);
        var common = ChangeOptions.AddTo(set, host);
        ChangeVerb.SetAction(set, host, common, r =>
        {
            var name = r.GetValue(iface)!;
            return r.GetValue(what) switch
            {
                ["up"] => new SetLinkState(name, true),
                ["down"] => new SetLinkState(name, false),
                ["mtu", var n] => new SetMtu(name, n),
                ["mtu"] => throw new UsageException("mtu", "give the MTU: link set IFACE mtu N"),
                var other => throw new UsageException("setting", $"'{string.Join(' ', other ?? [])}' is not up, down or mtu N"),
            };
        });
        link.Add(set);
        return link;
    }
}
