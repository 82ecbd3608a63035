using System.CommandLine;
using NetTui.Cli;
using NetTui.Cli.Verbs;

namespace NetTui.Composition;

/// <summary>
/// The composition root of the command line: reads each invocation's <see cref="HostOptions"/>
/// from the root's recursive options and the environment (in one place), and hands the verbs
/// the parts of the one change path (<see cref="HostChanges"/>): the real host, or what a test
/// put into the <see cref="CliContext"/>.
/// </summary>
public static class CliComposition
{
    public static HostOptions Options(CliContext ctx, ParseResult r) => HostOptions.FromEnvironment(
        r.GetValue(ctx.Options.Netns), r.GetValue(ctx.Options.OvsDb), r.GetValue(ctx.Options.DockerHost),
        r.GetValue(ctx.Options.History), r.GetValue(ctx.Options.LogFile));

    /// <summary>The change verbs read the root's --netns/--ovs-db and the same inventory as `show`.</summary>
    public static ChangeHost ChangeHost(CliContext ctx) => new()
    {
        SharedNetns = ctx.Options.Netns,
        SharedOvsDb = ctx.Options.OvsDb,
        Options = r => Options(ctx, r),
        Parts = ctx.InventoryFactory is { } f ? ctx.Parts with { Inventory = (_, _) => f(null, Serilog.Core.Logger.None) } : ctx.Parts,
        Out = ctx.Output,
        Err = ctx.Error,
        Ask = ctx.Ask,
    };
}
