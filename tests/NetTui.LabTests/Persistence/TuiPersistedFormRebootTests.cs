using NetTui.Core.Commands;
using NetTui.Core.Persisting;
using NetTui.History.Journaling;
using NetTui.Host.Changes;
using NetTui.Lab;
using NetTui.Presentation.Forms;
using NetTui.Recording;
using NetTui.Tui;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// A bridge with an address made through the TUI: the form's operation choice (the TUI's
/// NetworkManager probe on the lab's private bus, then the form's Evaluate) applied through
/// exactly the change path the TUI wires (<see cref="Composition.TuiComposition.ChangePath"/>, journaled). It is a
/// NetworkManager profile (checked with nmcli), it survives the honest reboot, and the
/// journal's undo (`nettui undo`) removes the profile and its keyfile.
/// </summary>
public sealed class TuiPersistedFormRebootTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bridge_made_in_the_TUI_survives_reboot_and_its_undo_removes_the_profile()
    {
        await using var lab = await PersistLab.CreateAsync();
        var db = Path.Combine(lab.Host.StateDir, "h.db");
        var keyfile = Path.Combine(lab.Nm.KeyfileDir, "nettui-brtp.nmconnection");
        var options = new TuiOptions(lab.Host.Name)
        {
            Host = Composition.HostOptions.FromEnvironment(lab.Host.Name, lab.Context.Ovs.Db, history: db,
                environment: v => v == Composition.HostOptions.BusVariable ? lab.Nm.BusAddress : null),
        };
        var path = Composition.TuiComposition.ChangePath(options, lab.Inventory);

        // What the form does: the session's probe, then the form's operations and preview.
        var mode = await path.Changes.ProbeAsync(options.RuntimeOnly, Ct);
        Assert.True(mode.Persists, $"NetworkManager should answer on the lab bus: {mode.Unavailable}");
        var host = await lab.ReadAsync();
        var form = FormCatalog.BridgeAdd(host).Evaluate(
            new Dictionary<string, string> { ["name"] = "brtp", ["address"] = "192.168.63.1/24", ["stp"] = "off" }, host, persistence: mode);
        Assert.True(form.Ok, string.Join("; ", form.Errors));
        Assert.Equal("# persistent: NetworkManager profile nettui-brtp, saved to disk", form.Preview[0]);
        Assert.IsType<PersistedOperation>(Assert.Single(form.Operations));

        var report = await path.ApplyAsync(form.Operations, ct: Ct);
        Assert.True(report.Outcome == ChangeOutcome.Applied, $"{report.Outcome}: {report.Summary} {string.Join("; ", report.Errors)} {string.Join("; ", report.Notes)}");
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("not journaled", StringComparison.Ordinal));
        await lab.WaitForAddressAsync("brtp", "192.168.63.1/24");
        var shown = await lab.NmcliShowAsync("nettui-brtp", "connection.type,connection.interface-name,ipv4.addresses");
        Assert.Equal(("bridge", "brtp", "192.168.63.1/24"), (shown["connection.type"], shown["connection.interface-name"], shown["ipv4.addresses"]));
        Assert.True(File.Exists(keyfile), "the profile is saved to disk");

        // The journal holds the persisted operation (its inverse deletes the profile).
        var journal = Journal.Open(db);
        var cs = Assert.Single(await journal.ListAllAsync(Ct));
        Assert.Equal((ChangeSetKind.Change, ChangeSetStatus.Applied), (cs.Kind, cs.Status));
        Assert.Equal(PersistedOperation.KindName, Assert.Single((await journal.GetAsync(cs.Id, Ct))!.Steps).Kind);

        await lab.RebootAsync();
        await lab.WaitForAddressAsync("brtp", "192.168.63.1/24");
        Assert.True(await lab.ProfileExistsAsync("nettui-brtp"), "the profile is there after the reboot");

        var undo = await NettuiCli.RunAsync(lab.Host.StateDir, new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = lab.Nm.BusAddress },
            "undo", "--yes", "--netns", lab.Host.Name, "--history", db);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        await LabWait.UntilAsync("brtp, its profile and its keyfile to be gone", async () =>
            !File.Exists(keyfile) && !await lab.ProfileExistsAsync("nettui-brtp") && !(await lab.Host.RunAsync("ip", "link", "show", "brtp")).Succeeded,
            TimeSpan.FromSeconds(30));
        Assert.Equal(ChangeSetStatus.Undone, (await journal.GetAsync(cs.Id, Ct))!.ChangeSet.Status);
    }
}
