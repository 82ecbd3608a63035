using NetTui.History.Locking;

namespace NetTui.UnitTests.History;

/// <summary>
/// The apply lock belongs to what is changed, not to the journal file: two journals (two
/// --history) on one namespace take turns; on two namespaces they do not wait for each other.
/// </summary>
public sealed class TargetLockTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempJournal _first = new();
    private readonly TempJournal _second = new();
    private string Locks => Path.Combine(_first.Directory, "locks");

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task Two_journals_on_one_namespace_serialize()
    {
        var a = _first.Open();
        var b = _second.Open();
        a.Targets = b.Targets = TargetLocks.For(Locks, "ntl-lock", "unix:/nowhere/db.sock");

        await using (await a.AcquireApplyLockAsync("first", TimeSpan.Zero, Ct))
        {
            var e = await Assert.ThrowsAsync<JournalLockedException>(() => b.AcquireApplyLockAsync("second", TimeSpan.FromMilliseconds(300), Ct));
            Assert.Contains("network namespace ntl-lock", e.Message, StringComparison.Ordinal);
        }
        await using var after = await b.AcquireApplyLockAsync("second", TimeSpan.Zero, Ct);
        Assert.True(after.IsHeld);
    }

    [Fact]
    public async Task Two_namespaces_do_not_wait_for_each_other()
    {
        var a = _first.Open();
        var b = _second.Open();
        a.Targets = TargetLocks.For(Locks, "ntl-lock-a", "unix:/nowhere/db.sock");
        b.Targets = TargetLocks.For(Locks, "ntl-lock-b", "unix:/nowhere/db.sock");

        await using var first = await a.AcquireApplyLockAsync("first", TimeSpan.Zero, Ct);
        await using var second = await b.AcquireApplyLockAsync("second", TimeSpan.Zero, Ct);
        Assert.True(first.IsHeld && second.IsHeld);
    }

    [Fact]
    public void An_ovs_database_that_is_there_is_locked_too_a_missing_socket_is_not()
    {
        var socket = Path.Combine(_first.Directory, "db.sock");
        File.WriteAllText(socket, "");
        Assert.Equal(2, TargetLocks.For(Locks, "ntl-lock", $"unix:{socket}").Targets.Count);
        Assert.Single(TargetLocks.For(Locks, "ntl-lock", "unix:/nowhere/db.sock").Targets);
        Assert.Equal(2, TargetLocks.For(Locks, null, "tcp:127.0.0.1:6640").Targets.Count);
    }
}
