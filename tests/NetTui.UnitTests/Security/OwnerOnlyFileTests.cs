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
        var dir = Directory.CreateTempSubdirectory("nettui-sec-");
        try
        {
            var db = Path.Combine(dir.FullName, "history.db");
            File.WriteAllText(db, "");
            File.SetUnixFileMode(db, SafeFileWriter.OwnerOnly);
            File.SetUnixFileMode(dir.FullName, (UnixFileMode)Convert.ToInt32("755", 8));
            // nobody made it (chown stands for the directory having been theirs when they did).
            Assert.Equal(0, Chown(db));
            var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(db));
            AssertOneLineNaming(e, db);
            Assert.Contains("uid 65534", e.Message, StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_journal_that_is_a_symlink_is_refused_and_its_target_untouched()
    {
        OtherUser.RequireRoot();
        var dir = Directory.CreateTempSubdirectory("nettui-sec-");
        try
        {
            var victim = Path.Combine(dir.FullName, "victim");
            File.WriteAllText(victim, "keep");
            File.SetUnixFileMode(victim, (UnixFileMode)Convert.ToInt32("644", 8));
            var db = Path.Combine(dir.FullName, "history.db");
            File.CreateSymbolicLink(db, victim);
            var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(db));
            AssertOneLineNaming(e, db);
            Assert.Equal("keep", File.ReadAllText(victim));
            Assert.Equal((UnixFileMode)Convert.ToInt32("644", 8), File.GetUnixFileMode(victim));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_group_writable_journal_is_refused()
    {
        OtherUser.RequireRoot();
        var dir = Directory.CreateTempSubdirectory("nettui-sec-");
        try
        {
            var db = Path.Combine(dir.FullName, "history.db");
            File.WriteAllText(db, "");
            File.SetUnixFileMode(db, (UnixFileMode)Convert.ToInt32("660", 8));
            var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(db));
            AssertOneLineNaming(e, db);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_journal_in_a_directory_others_may_write_is_refused()
    {
        OtherUser.RequireRoot();
        var dir = OtherUser.SharedDirectory(sticky: true);
        try
        {
            // nobody could plant history.db-wal or the lock there later, even with the sticky bit.
            var e = Assert.Throws<UnsafeFileException>(() => Journal.Open(Path.Combine(dir.FullName, "history.db")));
            AssertOneLineNaming(e, dir.FullName);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public async Task The_apply_lock_refuses_a_planted_symlink()
    {
        OtherUser.RequireRoot();
        var dir = Directory.CreateTempSubdirectory("nettui-sec-");
        try
        {
            var db = Path.Combine(dir.FullName, "history.db");
            var journal = Journal.Open(db);
            var victim = Path.Combine(dir.FullName, "victim");
            File.WriteAllText(victim, "keep");
            File.Delete(db + ".lock");
            File.CreateSymbolicLink(db + ".lock", victim);
            var e = await Assert.ThrowsAsync<UnsafeFileException>(() => journal.AcquireApplyLockAsync("test", TimeSpan.Zero, TestContext.Current.CancellationToken));
            AssertOneLineNaming(e, db + ".lock");
            Assert.Equal("keep", File.ReadAllText(victim));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public async Task The_apply_lock_refuses_another_users_file()
    {
        OtherUser.RequireRoot();
        var dir = Directory.CreateTempSubdirectory("nettui-sec-");
        try
        {
            var db = Path.Combine(dir.FullName, "history.db");
            var journal = Journal.Open(db);
            File.Delete(db + ".lock");
            File.WriteAllText(db + ".lock", "");
            Assert.Equal(0, Chown(db + ".lock"));
            var e = await Assert.ThrowsAsync<UnsafeFileException>(() => journal.AcquireApplyLockAsync("test", TimeSpan.Zero, TestContext.Current.CancellationToken));
            AssertOneLineNaming(e, db + ".lock");
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_log_refuses_a_planted_symlink_and_another_users_file()
    {
        OtherUser.RequireRoot();
        var dir = OtherUser.SharedDirectory(sticky: true);
        try
        {
            var victim = Path.Combine(Directory.CreateTempSubdirectory("nettui-victim-").FullName, "victim");
            File.WriteAllText(victim, "keep");
            var log = Path.Combine(dir.FullName, "nettui.log");
            Assert.Equal(0, OtherUser.Run("ln", "-s", victim, log).Code);
            var logger = LogSetup.Create(log);
            logger.Information("must not land in the victim");
            Assert.Same(Serilog.Core.Logger.None, logger);
            Assert.Equal("keep", File.ReadAllText(victim));

            var theirs = Path.Combine(dir.FullName, "theirs.log");
            OtherUser.CreateFile(theirs, "");
            Assert.Same(Serilog.Core.Logger.None, LogSetup.Create(theirs));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_log_is_created_owner_only()
    {
        var dir = Directory.CreateTempSubdirectory("nettui-sec-");
        try
        {
            var log = Path.Combine(dir.FullName, "nettui.log");
            (LogSetup.Create(log) as IDisposable)?.Dispose();
            Assert.Equal(SafeFileWriter.OwnerOnly, File.GetUnixFileMode(log));
        }
        finally { dir.Delete(true); }
    }

    private static int Chown(string path)
    {
        using var p = System.Diagnostics.Process.Start("chown", ["65534:65534", path]);
        p.WaitForExit();
        return p.ExitCode;
    }
}
