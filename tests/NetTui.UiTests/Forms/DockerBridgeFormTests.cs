using NetTui.Core.Operations;
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
        ScreenCapture.Save("form-docker-bridge.txt", screen);
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
}
