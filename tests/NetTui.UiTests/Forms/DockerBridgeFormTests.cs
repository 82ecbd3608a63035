using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Values;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// `e` (or `n`) in Containers, `e` in Bridges: Docker's default bridge in daemon.json, the
/// TUI's `nettui docker bridge`. daemon.json is read through a fake so the checks and the
/// preview see its keys.
/// </summary>
[Collection(UiCollection.Name)]
public class DockerBridgeFormTests
{
    private const string Path = OperationContext.DefaultDaemonJson;

    private static Func<string, string?> Files(params (string Path, string Text)[] files) =>
        p => files.FirstOrDefault(f => f.Path == p).Text;

    [Fact]
    public void Sets_the_bridge_keeping_other_keys_and_says_dockerd_must_restart()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Containers, readFile: Files((Path, "{ \"log-driver\": \"journald\" }")));
        using var _ = s;
        s.Press(Key.E);
        var screen = s.Text;
        Assert.Contains("Docker's default bridge (daemon.json)", screen);
        Assert.Equal("br0", s.Window.Form!.Values()["bridge"]); // the admin's bridge rather than docker0
        Assert.Equal(Path, s.Window.Form.Values()["daemon-json"]); // the CLI's default
        Assert.Contains($"cp {Path} {Path}.nettui.bak", screen);
        Assert.Contains("\"log-driver\": \"journald\"", screen);
        Assert.Contains("\"bridge\": \"br0\"", screen);
        Assert.Contains("restart it (systemctl restart docker)", screen); // told before Apply

        s.Press(Key.Enter);
        Assert.Equal([new SetDockerDefaultBridge("br0", Path)], rec.Applied);
        screen = s.Text;
        Assert.Contains("✓ applied: set Docker's default bridge to br0", screen);
        Assert.Contains("dockerd reads", screen); // and after
        ScreenCapture.Check("form-docker-bridge.txt", screen);
    }

    [Fact]
    public void Bad_bridges_and_paths_are_refused_under_their_field()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Containers, readFile: Files((Path, "{}")));
        using var _ = s;
        s.Press(Key.N); // n works here too
        Assert.Contains("Docker's default bridge", s.Text);
        s.ClearField().Type("br0;reboot");
        Assert.Contains("✗ bridge:", s.Text);
        s.ClearField().Type(FormHarness.SixteenBytes);
        Assert.Contains("longer than 15 bytes", s.Text);
        s.ClearField().Type("eth0");
        Assert.Contains("✗ bridge: eth0 is", s.Text); // not a Linux bridge
        s.ClearField().Type("nosuch0");
        Assert.Contains("✗ bridge: there is no bridge nosuch0", s.Text);
        s.Press(Key.CursorDown); // the picker offers the host's bridges
        Assert.Contains(s.Window.Form!.Values()["bridge"], new[] { "br0", "docker0" });

        s.Press(Key.Tab).ClearField().Type("etc/docker/daemon.json");
        Assert.Contains("✗ daemon-json:", s.Text);
        Assert.Contains("not an absolute file path", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
        Assert.Contains("not applied: daemon-json:", s.Text);
    }

    [Fact]
    public void The_file_as_it_is_decides_what_is_left_to_do()
    {
        var other = "/srv/docker/daemon.json";
        var (s, rec) = FormHarness.Open(ViewKind.Containers,
            readFile: Files((Path, "{ \"bridge\": \"br0\" }"), (other, "{ \"bip\": \"172.30.0.1/16\" }")));
        using var _ = s;
        s.Press(Key.E);
        Assert.Contains($"✗ bridge: {Path} already sets bridge to br0", s.Text);
        s.Press(Key.Tab).ClearField().Type(other);
        Assert.Contains("✗ daemon-json:", s.Text);
        Assert.Contains("\"bip\"", s.Text); // dockerd refuses bip together with bridge
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
    }

    [Fact]
    public void E_on_a_bridge_in_the_bridges_view_picks_that_bridge()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Bridges, readFile: Files());
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("docker0"));
        s.Press(Key.E);
        Assert.Contains("Docker's default bridge", s.Text);
        Assert.Equal("docker0", s.Window.Form!.Values()["bridge"]);
        Assert.Contains($"# write {Path}:", s.Text); // no file yet: it is created
        s.Press(Key.Enter);
        Assert.Equal([new SetDockerDefaultBridge("docker0", Path)], rec.Applied);
    }

    private static (Screen S, FormHarness.Recorder R, List<string> Restarts) WithRestart(Func<Task<string>>? restart = null)
    {
        var (s, rec) = FormHarness.Open(ViewKind.Containers, readFile: Files((Path, "{}")));
        var restarts = new List<string>();
        s.Window.RestartDocker = restart ?? (() => { restarts.Add("systemctl restart docker"); return Task.FromResult("restarted dockerd (systemctl restart docker)"); });
        return (s, rec, restarts);
    }

    [Fact]
    public void Restart_yes_restarts_dockerd_once_the_file_is_written()
    {
        var (s, rec, restarts) = WithRestart();
        using var _ = s;
        s.Press(Key.E);
        Assert.Equal("no", s.Window.Form!.Values()["restart"]); // like the CLI, only when asked
        s.Press(Key.Tab, Key.Tab, Key.CursorDown); // Restart dockerd: no → yes
        Assert.Equal("yes", s.Window.Form.Values()["restart"]);
        Assert.Empty(restarts);
        s.Press(Key.Enter);
        Assert.Single(rec.Applied);
        Assert.Equal(["systemctl restart docker"], restarts);
        Assert.Contains("restarted dockerd (systemctl restart docker)", s.Text);
    }

    [Fact]
    public void No_restart_when_not_asked_or_when_the_change_failed()
    {
        var (s, rec, restarts) = WithRestart();
        using var _ = s;
        s.Press(Key.E, Key.Enter); // restart: no
        Assert.Single(rec.Applied);
        Assert.Empty(restarts);

        s.Press(Key.Enter); // close
        s.Window.ApplyChanges = _ => Task.FromResult(new ChangeReport(Guid.Empty, new NetworkTarget(null), ChangeOutcome.RolledBack,
            "failed at step 1, nothing left half-done", [], [new ValueError("daemon-json", "permission denied")], null, [], [], [], [], null, null));
        s.Press(Key.E, Key.Tab, Key.Tab, Key.CursorDown, Key.Enter);
        Assert.Contains("✗ failed at step 1", s.Text);
        Assert.Empty(restarts);
    }

    [Fact]
    public void Without_systemd_or_when_the_restart_fails_the_header_says_so()
    {
        var (s, _, _) = WithRestart(() => Task.FromException<string>(new InvalidOperationException("Unit docker.service not found.")));
        using var __ = s;
        s.Press(Key.E, Key.Tab, Key.Tab, Key.CursorDown, Key.Enter);
        Assert.Contains("daemon.json was changed and is kept, but restarting dockerd failed: Unit docker.service not found.", s.Text);

        s.Press(Key.Enter);
        s.Window.RestartDocker = null;
        s.Press(Key.E, Key.Tab, Key.Tab, Key.CursorDown, Key.Enter);
        Assert.Contains("systemd is not running here: restart dockerd yourself", s.Text);
    }

    [Fact]
    public void A_restart_answer_other_than_no_or_yes_is_refused()
    {
        var (s, rec, restarts) = WithRestart();
        using var _ = s;
        s.Press(Key.E, Key.Tab, Key.Tab).ClearField().Type("maybe");
        Assert.Contains("✗ restart: must be no or yes", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
        Assert.Empty(restarts);
    }
}
