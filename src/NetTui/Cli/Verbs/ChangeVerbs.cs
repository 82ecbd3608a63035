using System.CommandLine;

namespace NetTui.Cli.Verbs;

/// <summary>All change verb groups, for the root command.</summary>
public static class ChangeVerbs
{
    public static IEnumerable<Command> Create(ChangeHost host) =>
    [
        BridgeVerbs.Create(host),
        AddressVerbs.Create(host),
        LinkVerbs.Create(host),
        OvsVerbs.Create(host),
        TunnelVerbs.Create(host),
        VxlanVerbs.Create(host),
        RouteVerbs.Create(host),
        DockerVerbs.Create(host),
        ApplyVerb.Create(host),
    ];
}
