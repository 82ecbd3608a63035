using NetTui.Files;
using NetTui.History.Journaling;
using NetTui.Logging;

namespace NetTui.UnitTests.Security;

/// <summary>The journal, the apply lock and the log: a planted link, another user's file or one others may write is refused with one line naming it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class OwnerOnlyFileTests
{
    private static void AssertOneLineNaming(UnsafeFileException e, string path)
    {
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_journal_precreated_by_another_user_is_refused()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        var db = dir.Path("history.db");
        File.WriteAllText(db, "");
        File.SetUnixFileMode(db, SafeFileWriter.OwnerOnly);
        File.SetUnixFileMode(dir.FullName, ScratchDir.Mode("755"));
        // nobody made it (chown stands for the directory having been theirs when they did).
        Assert.Equal(0, Chown(db));
        var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(db));
        AssertOneLineNaming(e, db);
        Assert.Contains("uid 65534", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_that_is_a_symlink_is_refused_and_its_target_untouched()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        var victim = dir.Path("victim");
        File.WriteAllText(victim, "keep");
        File.SetUnixFileMode(victim, ScratchDir.Mode("644"));
        var db = dir.Path("history.db");
        File.CreateSymbolicLink(db, victim);
        var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(db));
        AssertOneLineNaming(e, db);
        Assert.Equal("keep", File.ReadAllText(victim));
        Assert.Equal(ScratchDir.Mode("644"), File.GetUnixFileMode(victim));
    }

    [Fact]
    public void A_group_writable_journal_is_refused()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        var db = dir.Path("history.db");
        File.WriteAllText(db, "");
        File.SetUnixFileMode(db, ScratchDir.Mode("660"));
        var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(db));
        AssertOneLineNaming(e, db);
    }

    [Fact]
    public void A_journal_in_a_directory_others_may_write_is_refused()
    {
        OtherUser.RequireRoot();
        using var dir = OtherUser.SharedDirectory(sticky: true);
        // nobody could plant history.db-wal or the lock there later, even with the sticky bit.
        var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(dir.Path("history.db")));
        AssertOneLineNaming(e, dir.FullName);
    }

    [Fact]
    public async Task The_apply_lock_refuses_a_planted_symlink()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        var db = dir.Path("history.db");
        var journal = Journal.Open(db);
        var victim = dir.Path("victim");
        File.WriteAllText(victim, "keep");
        File.Delete(db + ".lock");
        File.CreateSymbolicLink(db + ".lock", victim);
        var e = await Assert.ThrowsAsync<UnsafeFileException>(() => journal.AcquireApplyLockAsync("test", TimeSpan.Zero, TestContext.Current.CancellationToken));
        AssertOneLineNaming(e, db + ".lock");
        Assert.Equal("keep", File.ReadAllText(victim));
    }

    [Fact]
    public async Task The_apply_lock_refuses_another_users_file()
    {
        OtherUser.RequireRoot();
        using var dir = new ScratchDir();
        var db = dir.Path("history.db");
        var journal = Journal.Open(db);
        File.Delete(db + ".lock");
        File.WriteAllText(db + ".lock", "");
        Assert.Equal(0, Chown(db + ".lock"));
        var e = await Assert.ThrowsAsync<UnsafeFileException>(() => journal.AcquireApplyLockAsync("test", TimeSpan.Zero, TestContext.Current.CancellationToken));
        AssertOneLineNaming(e, db + ".lock");
    }

    [Fact]
    public void The_log_refuses_a_planted_symlink_and_another_users_file()
    {
        OtherUser.RequireRoot();
        using var dir = OtherUser.SharedDirectory(sticky: true);
        using var victimDir = new ScratchDir();
        var victim = victimDir.Path("victim");
        File.WriteAllText(victim, "keep");
        var log = dir.Path("nettui.log");
        Assert.Equal(0, OtherUser.Run("ln", "-s", victim, log).Code);
        var logger = LogSetup.Create(log);
        logger.Information("must not land in the victim");
        Assert.Same(Serilog.Core.Logger.None, logger);
        Assert.Equal("keep", File.ReadAllText(victim));

        var theirs = dir.Path("theirs.log");
        OtherUser.CreateFile(theirs, "");
        Assert.Same(Serilog.Core.Logger.None, LogSetup.Create(theirs));
    }

    [Fact]
    public void The_log_is_created_owner_only()
    {
        using var dir = new ScratchDir();
        var log = dir.Path("nettui.log");
        (LogSetup.Create(log) as IDisposable)?.Dispose();
        Assert.Equal(SafeFileWriter.OwnerOnly, File.GetUnixFileMode(log));
    }

    private static int Chown(string path)
    {
        using var p = System.Diagnostics.Process.Start("chown", ["65534:65534", path]);
        p.WaitForExit();
        return p.ExitCode;
    }
}
