using System.CommandLine;
using NetTui.Cli.History;
using NetTui.Cli.Verbs;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Doctor;
using NetTui.History.Journaling;
using NetTui.Host.Doctor;
using NetTui.UnitTests.History;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Doctor;

/// <summary>
/// `nettui undo`, `rollback` and `redo` over journaled Doctor fixes (JournalFixObserver, real
/// journal, commands recorded by a fake runner): a fix with a recorded undo is undone by
/// running it; one that started a daemon is refused by name, and rollback goes past it saying so.
/// </summary>
public sealed class DoctorUndoCliTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempJournal _temp = new();
    private readonly RecordingRunner _runner = new() { Target = NetworkTarget.Current };
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static readonly CommandSpec AddRemote = new("ovs-appctl", ["-t", "/run/ovs/ovsdb-server.7.ctl", "ovsdb-server/add-remote", "punix:/run/ovs/db.sock"], TimeSpan.FromSeconds(10), InTargetNamespace: false);
    private static readonly CommandSpec RemoveRemote = new("ovs-appctl", ["-t", "/run/ovs/ovsdb-server.7.ctl", "ovsdb-server/remove-remote", "punix:/run/ovs/db.sock"], TimeSpan.FromSeconds(10), InTargetNamespace: false);
    private static readonly CommandSpec StartServer = new("ovsdb-server", ["--detach", "/etc/ovs/conf.db"], TimeSpan.FromSeconds(20));
    private static readonly CommandSpec StopServer = new("ovs-appctl", ["--timeout=5", "-t", "ovsdb-server", "exit"], TimeSpan.FromSeconds(10), InTargetNamespace: false);

    public void Dispose() => _temp.Dispose();

    private Journal Journal => _temp.Open();

    private async Task<long> FixAsync(string summary, params FixStep[] steps)
    {
        var plan = new FixPlan(summary, [.. steps], Undoable: true);
        var finding = new Finding(FindingIds.OvsServerNotRunning, Severity.Error, summary, [], plan, null);
        await using var observer = new JournalFixObserver(Journal, NetworkTarget.Current);
        var outcome = await new FixRunner(_runner, observer: observer).RunAsync(finding, plan, Ct);
        Assert.True(outcome.Succeeded);
        return observer.ChangeSetId!.Value;
    }

    private async Task<int> Run(params string[] args)
    {
        var host = new ChangeHost
        {
            Options = _ => NetTui.UnitTests.History.TestChanges.Options(_temp.DbPath, null),
            Parts = NetTui.UnitTests.History.TestChanges.Parts(_runner, new FakeInventory(TestHost.Basic())) with { OpenJournal = _ => Journal },
            Out = _out,
            Err = _err,
        };
        var root = new RootCommand();
        root.Subcommands.Add(UndoCommand.Create(host));
        root.Subcommands.Add(RedoCommand.Create(host));
        root.Subcommands.Add(RollbackCommand.Create(host));
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = _out, Error = _err }, Ct);
    }

    [Fact]
    public async Task A_fix_with_a_recorded_undo_is_undone_and_redone_by_running_commands()
    {
        var id = await FixAsync("make ovsdb-server also listen on /run/ovs/db.sock",
            new FixStep("make the directory", new CommandSpec("mkdir", ["-p", "/run/ovs"], TimeSpan.FromSeconds(10), InTargetNamespace: false)),
            new FixStep("add the clients' socket", AddRemote, RemoveRemote));
        _runner.Ran.Clear();

        Assert.Equal(0, await Run("undo", "--yes"));
        Assert.Equal([RemoveRemote.Display], _runner.Lines);
        Assert.Contains("left as they are: make the directory", _out.ToString(), StringComparison.Ordinal);
        var rows = await Journal.ListAllAsync(Ct);
        Assert.Equal(ChangeSetStatus.Undone, rows.Single(r => r.Id == id).Status);
        var undo = rows.Single(r => r.RevertsId == id);
        Assert.Equal((ChangeSetKind.Undo, ChangeSetStatus.Applied), (undo.Kind, undo.Status));
        Assert.Equal(RemoveRemote.Display, (await Journal.GetAsync(undo.Id, Ct))!.Steps.Single().Commands.Single().Display);

        _runner.Ran.Clear();
        Assert.Equal(0, await Run("redo", "--yes"));
        Assert.Equal([AddRemote.Display], _runner.Lines);
    }

    [Fact]
    public async Task Undo_refuses_a_fix_that_started_ovsdb_server_and_rollback_skips_it_saying_so()
    {
        var remote = await FixAsync("make ovsdb-server also listen on /run/ovs/db.sock", new FixStep("add the clients' socket", AddRemote, RemoveRemote));
        var start = await FixAsync("start ovsdb-server", new FixStep("start ovsdb-server in the background", StartServer, StopServer) { KeptOnUndo = "starting ovsdb-server" });
        _runner.Ran.Clear();

        Assert.Equal(1, await Run("undo", "--yes"));
        Assert.Contains($"Doctor fix #{start}: starting ovsdb-server is not undone; stop it by hand if wanted ({StopServer.Display})", _err.ToString(), StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);

        Assert.Equal(0, await Run("rollback", "--to", "0", "--yes"));
        Assert.Contains($"skipped: Doctor fix #{start}: starting ovsdb-server is not undone", _err.ToString(), StringComparison.Ordinal);
        Assert.Equal([RemoveRemote.Display], _runner.Lines);
        var rows = await Journal.ListAllAsync(Ct);
        Assert.Equal(ChangeSetStatus.Applied, rows.Single(r => r.Id == start).Status);
        Assert.Equal(ChangeSetStatus.RolledBack, rows.Single(r => r.Id == remote).Status);
    }
}
