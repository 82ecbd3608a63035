using System.CommandLine;
using NetTui.Cli;
using NetTui.History.Journaling;
using NetTui.Tui;

namespace NetTui.LabTests.History;

/// <summary>
/// The TUI's History backend against a real namespace: a bridge made through the journaled
/// CLI path, then undone through the backend the TUI builds from the same command line
/// (`nettui --netns NS --history DB tui`), which runs the CLI's revert code.
/// </summary>
public sealed class TuiHistoryLabTests
{
    [Fact]
    public async Task A_journaled_bridge_is_undone_through_the_tui_history_backend()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await HistoryLab.CreateAsync();
        await h.OkAsync("bridge", "add", "brhv", "--address", "192.168.71.1/24");
        Assert.Contains(await h.Lab.Host.IpJsonAsync("link", "show"), l => (string?)l!["ifname"] == "brhv");

        var ctx = new CliContext(TextWriter.Null, TextWriter.Null);
        ParseResult tui = NetTuiCli.BuildRoot(ctx).Parse([.. h.Common, "tui"]);
        using var changes = new Composition.HostChanges(Composition.CliComposition.Options(ctx, tui));
        var backend = Composition.TuiComposition.History(changes);
        Assert.NotNull(backend);

        var load = await backend.LoadAsync(ct);
        Assert.Empty(load.Crashed);
        var created = Assert.Single(load.Entries).ChangeSet;
        Assert.Equal((ChangeSetStatus.Applied, h.Netns), (created.Status, created.Namespace));

        // The plan the confirm overlay shows: the exact command, nothing run yet.
        var preview = await backend.PreviewAsync(new HistoryRequest(HistoryAction.Undo), ct);
        Assert.True(preview.CanRun, preview.Refusal);
        Assert.Equal([created.Id], preview.Targets);
        Assert.Contains(preview.Lines, l => l.Contains("ip link del dev brhv", StringComparison.Ordinal));
        Assert.Contains(await h.Lab.Host.IpJsonAsync("link", "show"), l => (string?)l!["ifname"] == "brhv");

        var outcome = await backend.RevertAsync(preview, force: false, ct);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Lines));

        // `ip -j link` in the namespace: the bridge is gone; the journal says undone, by a journaled undo.
        Assert.DoesNotContain(await h.Lab.Host.IpJsonAsync("link", "show"), l => (string?)l!["ifname"] == "brhv");
        var journal = h.Journal;
        Assert.Equal(ChangeSetStatus.Undone, (await journal.GetAsync(created.Id, ct))!.ChangeSet.Status);
        var undo = (await journal.ListAllAsync(ct)).Single(cs => cs.Id != created.Id);
        Assert.Equal((ChangeSetKind.Undo, created.Id, ChangeSetStatus.Applied), (undo.Kind, undo.RevertsId!.Value, undo.Status));
        Assert.Contains(outcome.Lines, l => l.Contains($"done as #{undo.Id}", StringComparison.Ordinal));

        // The view re-reads: both rows, newest (the undo) first.
        Assert.Equal([undo.Id, created.Id], (await backend.LoadAsync(ct)).Entries.Select(e => e.ChangeSet.Id));
    }
}
