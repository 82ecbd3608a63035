using System.CommandLine;
using NetTui.Cli.Verbs;

namespace NetTui.Cli.History;

/// <summary>`nettui undo [--steps N]`: revert the last N change-sets still in effect (in the --netns namespace), newest first.</summary>
public static class UndoCommand
{
    public static Command Create(ChangeHost host)
    {
        var cmd = new Command("undo", "Undo the last change-set(s) made with NetTui (each undo is journaled and can be redone)");
        var steps = new Option<int>("--steps", "-n") { Description = "How many change-sets to undo", DefaultValueFactory = _ => 1, HelpName = "N" };
        cmd.Add(steps);
        var o = RevertOptions.AddTo(cmd);
        cmd.SetAction((r, ct) => RevertFlow.RunAsync(host, r, o, "undo",
            (journal, scope, token) => journal.PlanUndoAsync(r.GetValue(steps), scope, token), ct));
        return cmd;
    }
}
