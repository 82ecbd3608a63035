using System.CommandLine;
using NetTui.Cli.Verbs;

namespace NetTui.Cli.History;

/// <summary>`nettui redo [--steps N]`: bring back what undo or rollback took back, most recently undone first.</summary>
public static class RedoCommand
{
    public static Command Create(ChangeHost host)
    {
        var cmd = new Command("redo", "Redo change-sets that were undone or rolled back (until a new change is made)");
        var steps = new Option<int>("--steps", "-n") { Description = "How many undone change-sets to redo", DefaultValueFactory = _ => 1, HelpName = "N" };
        cmd.Add(steps);
        var o = RevertOptions.AddTo(cmd);
        cmd.SetAction((r, ct) => RevertFlow.RunAsync(host, r, o, "redo",
            (journal, scope, token) => journal.PlanRedoAsync(r.GetValue(steps), scope, token), ct));
        return cmd;
    }
}
