using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.Recording;

namespace NetTui.Cli.History;

/// <summary>
/// `nettui finish [ID]`: the other answer to a change a crashed run left half-done (the first is
/// `nettui rollback --pending`): complete it. The interrupted step is judged from the host, the
/// rest runs and is verified, and the change-set becomes applied.
/// </summary>
public static class FinishCommand
{
    public static Command Create(ChangeHost host)
    {
        var cmd = new Command("finish", "Finish a change a crashed run left pending (the opposite of `rollback --pending`)");
        var id = new Argument<long?>("ID") { Description = "Only this change-set (default: every one left pending)", Arity = ArgumentArity.ZeroOrOne };
        cmd.Add(id);
        // --yes and --json as the other history verbs; no --force: finishing checks the host itself.
        var o = new RevertOptions();
        cmd.Add(o.Yes);
        cmd.Add(o.Json);
        cmd.SetAction((r, ct) => PendingFlow.RunAsync(host, r, o, RecoveryAction.Finish, r.GetValue(id), ct));
        return cmd;
    }
}
