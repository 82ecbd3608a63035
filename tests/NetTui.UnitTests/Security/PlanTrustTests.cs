using NetTui.Cli.Verbs;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Security;

/// <summary>Plans and teardowns are read like OpenSSH reads keys; plans name only daemon.json files.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PlanTrustTests
{
    private const string PlanText = """[ { "op": "bridge.add", "name": "br1" } ]""";

    private static async Task<IReadOnlyList<string>> Read(string path) =>
        (await PlanFiles.ReadAsync(path, TestContext.Current.CancellationToken)).Errors;

    [Fact]
    public async Task A_plan_owned_by_another_user_is_refused()
    {
        OtherUser.RequireRoot();
        using var dir = OtherUser.SharedDirectory(sticky: true);
        var plan = dir.Path("x.plan.json.teardown.json");
        OtherUser.CreateFile(plan, PlanText);
        Assert.Equal(0, OtherUser.Run("chmod", "600", plan).Code);
        var errors = await Read(plan);
        Assert.Contains("uid 65534", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_others_may_write_is_refused()
    {
        using var dir = new ScratchDir();
        var plan = dir.Path("x.plan.json");
        File.WriteAllText(plan, PlanText);
        File.SetUnixFileMode(plan, ScratchDir.Mode("666"));
        Assert.Contains("group or others may write", Assert.Single(await Read(plan)), StringComparison.Ordinal);
        File.SetUnixFileMode(plan, ScratchDir.Mode("644"));
        Assert.Empty(await Read(plan));
    }

    [Fact]
    public async Task A_plan_in_a_directory_others_may_write_without_the_sticky_bit_is_refused()
    {
        OtherUser.RequireRoot();
        using var dir = OtherUser.SharedDirectory(sticky: false);
        var plan = dir.Path("x.plan.json");
        File.WriteAllText(plan, PlanText);
        File.SetUnixFileMode(plan, ScratchDir.Mode("600"));
        Assert.Contains("lets others replace it", Assert.Single(await Read(plan)), StringComparison.Ordinal);

        // The same file, in a sticky directory (like /tmp), is root's own: read.
        File.SetUnixFileMode(dir.FullName, ScratchDir.Mode("1777"));
        Assert.Empty(await Read(plan));
    }

    [Fact]
    public async Task A_symlink_to_another_users_plan_is_judged_by_the_plan_itself()
    {
        OtherUser.RequireRoot();
        using var shared = OtherUser.SharedDirectory(sticky: true);
        using var mine = new ScratchDir();
        var theirs = shared.Path("theirs.json");
        OtherUser.CreateFile(theirs, PlanText);
        Assert.Equal(0, OtherUser.Run("chmod", "644", theirs).Code);
        var link = mine.Path("x.plan.json");
        File.CreateSymbolicLink(link, theirs);
        Assert.Contains("uid 65534", Assert.Single(await Read(link)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/shadow")]
    [InlineData("/root/.ssh/authorized_keys")]
    [InlineData("/etc/docker/../shadow/daemon.json")]
    [InlineData("/etc/docker/daemon.json.d")]
    public void A_plan_may_name_only_a_daemon_json(string path)
    {
        var errors = new SetDockerDefaultBridge("br0", path).CheckFields();
        Assert.Contains(errors, e => e.Field == "daemon-json");
    }

    [Theory]
    [InlineData("/etc/docker/daemon.json")]
    [InlineData("/tmp/nettui-lab/ntl-x/docker/daemon.json")]
    public void Daemon_json_paths_dockerd_reads_are_accepted(string path) =>
        Assert.Empty(new SetDockerDefaultBridge("br0", path).CheckFields());
}
