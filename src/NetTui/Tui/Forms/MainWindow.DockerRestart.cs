using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation.Forms;

namespace NetTui.Tui;

/// <summary>
/// The Docker default bridge form's "Restart dockerd: yes": like `nettui docker bridge
/// --restart`, dockerd is restarted through systemd once daemon.json is written. A separate
/// action after the change: if it fails, the file change stays and the header says so.
/// </summary>
internal sealed partial class MainWindow
{
    /// <summary>Restarts dockerd and says how it went in one line; null = no systemd here (the app decides).</summary>
    internal Func<Task<string>>? RestartDocker { get; set; }

    /// <summary>After a form's change: restart dockerd if the Docker form asked for it and the change succeeded.</summary>
    private void AfterFormApplied(ChangeReport report)
    {
        if (!report.Succeeded || _form is null || _form.Values().GetValueOrDefault(FormCatalog.RestartField) != "yes") return;
        if (_form.Current?.Operations.OfType<SetDockerDefaultBridge>().Any() != true) return;
        if (RestartDocker is null) { ShowRestart("systemd is not running here: restart dockerd yourself for the new bridge to be used"); return; }
        ShowRestart("restarting dockerd (systemctl restart docker)…");
        Task<string> task;
        try { task = RestartDocker(); }
        catch (Exception e) { task = Task.FromException<string>(e); }
        if (task.IsCompleted) ShowRestart(Outcome(task));
        else task.ContinueWith(t => App?.Invoke(() => ShowRestart(Outcome(t))), TaskScheduler.Default);
    }

    private static string Outcome(Task<string> t) => t.IsCompletedSuccessfully
        ? t.Result
        : $"daemon.json was changed and is kept, but restarting dockerd failed: {t.Exception?.GetBaseException().Message ?? "cancelled"}";

    private void ShowRestart(string line)
    {
        _message = line;
        UpdateHeader();
    }
}
