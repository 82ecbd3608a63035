using NetTui.Cli.Verbs;
using NetTui.Core.Plans;
using NetTui.Files;
using NetTui.Host.Changes;

namespace NetTui.UnitTests.Security;

/// <summary>Every file NetTui writes whole goes through SafeFileWriter: links planted by another user are replaced, not followed; their files are not adopted.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SafeFileWriterTests
{
    private static PlanFile Plan() => PlanFile.Create(new PlanMetadata("test"), []);

    [Fact]
    public async Task A_symlink_planted_at_the_old_temp_name_is_not_followed()
    {
        OtherUser.RequireRoot();
        using var dir = OtherUser.SharedDirectory();
        using var victimDir = new ScratchDir();
        var victim = victimDir.Path("passwd");
        File.WriteAllText(victim, "root:x:0:0");
        var plan = dir.Path("x.plan.json");
        // The attack on the old writer: nobody plants PLAN.tmp (and the teardown's .tmp) pointing at a root file.
        Assert.Equal(0, OtherUser.Run("ln", "-s", victim, plan + ".tmp").Code);
        Assert.Equal(0, OtherUser.Run("ln", "-s", victim, PlanFiles.TeardownPath(plan) + ".tmp").Code);

        await PlanFiles.SaveAsync(plan, Plan(), TestContext.Current.CancellationToken);
        await PlanFiles.SaveAsync(PlanFiles.TeardownPath(plan), Plan(), TestContext.Current.CancellationToken);

        Assert.Equal("root:x:0:0", File.ReadAllText(victim));
        Assert.Equal(0u, OtherUser.OwnerOf(plan));
        Assert.Equal(SafeFileWriter.OwnerOnly, File.GetUnixFileMode(plan));
    }

    [Fact]
    public async Task A_symlink_at_the_target_is_replaced_not_written_through()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        var victim = dir.Path("victim");
        File.WriteAllText(victim, "keep");
        var target = dir.Path("out.plan.json");
        File.CreateSymbolicLink(target, victim);

        await SafeFileWriter.WriteAsync(target, "new", TestContext.Current.CancellationToken);

        Assert.Equal("keep", File.ReadAllText(victim));
        Assert.Null(new FileInfo(target).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
    }

    [Fact]
    public async Task A_file_precreated_by_another_user_is_not_adopted()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        File.SetUnixFileMode(dir.FullName, ScratchDir.Mode("777"));
        var teardown = dir.Path("x.plan.json.teardown.json");
        OtherUser.CreateFile(teardown, "{\"theirs\":1}");
        Assert.Equal((uint)OtherUser.Uid, OtherUser.OwnerOf(teardown));

        await PlanFiles.SaveAsync(teardown, Plan(), TestContext.Current.CancellationToken);

        // A new file of root's, 0600: nobody can neither read the keys nor rewrite the teardown.
        Assert.Equal(0u, OtherUser.OwnerOf(teardown));
        Assert.Equal(SafeFileWriter.OwnerOnly, File.GetUnixFileMode(teardown));
        Assert.NotEqual(0, OtherUser.Run("sh", "-c", "echo x >> \"$1\"", "sh", teardown).Code);
        Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp"));
    }

    [Fact]
    public async Task In_a_sticky_directory_another_users_file_is_refused_with_one_line()
    {
        OtherUser.RequireRoot();
        using var dir = OtherUser.SharedDirectory(sticky: true);
        var plan = dir.Path("x.plan.json");
        OtherUser.CreateFile(plan, "theirs");
        // Root may rename over it even here (CAP_FOWNER); the result must be root's file either way.
        try { await PlanFiles.SaveAsync(plan, Plan(), TestContext.Current.CancellationToken); }
        catch (UnsafeFileException e) { Assert.Contains(plan, e.Message, StringComparison.Ordinal); Assert.DoesNotContain('\n', e.Message); return; }
        Assert.Equal(0u, OtherUser.OwnerOf(plan));
        Assert.NotEqual("theirs", File.ReadAllText(plan));
    }

    [Fact]
    public async Task Daemon_json_keeps_its_mode_and_is_never_written_through_a_link()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        var victim = dir.Path("shadow");
        File.WriteAllText(victim, "secret");
        var daemonJson = dir.Path("daemon.json");
        File.CreateSymbolicLink(daemonJson, victim);
        await new FileStore().WriteAsync(daemonJson, "{\"bridge\":\"br0\"}", TestContext.Current.CancellationToken);
        Assert.Equal("secret", File.ReadAllText(victim));

        Assert.Equal(ScratchDir.Mode("644"), File.GetUnixFileMode(daemonJson));
        File.SetUnixFileMode(daemonJson, ScratchDir.Mode("640"));
        await new FileStore().WriteAsync(daemonJson, "{}", TestContext.Current.CancellationToken);
        Assert.Equal(ScratchDir.Mode("640"), File.GetUnixFileMode(daemonJson));
    }
}
