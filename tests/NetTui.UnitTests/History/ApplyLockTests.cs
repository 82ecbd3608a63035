using System.Diagnostics;
using NetTui.History.Locking;

namespace NetTui.UnitTests.History;

public sealed class ApplyLockTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempJournal _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_second_applier_is_told_who_holds_the_lock()
    {
        var first = _tmp.Open();
        var second = _tmp.Open();
        await using var held = await first.AcquireApplyLockAsync("bridge add br0", TimeSpan.Zero, ct: Ct);

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<JournalLockedException>(() =>
            second.AcquireApplyLockAsync("route add 10.0.0.0/8", TimeSpan.FromMilliseconds(400), ct: Ct));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), $"gave up after {watch.Elapsed}, before the timeout");
        Assert.NotNull(ex.Holder);
        Assert.Equal(Environment.ProcessId, ex.Holder.Pid);
        Assert.Contains($"pid {Environment.ProcessId}", ex.Message);
        Assert.Contains(Environment.UserName, ex.Message);
        Assert.Contains("bridge add br0", ex.Message);
        Assert.Contains(" UTC", ex.Message);
    }

    [Fact]
    public async Task A_waiting_applier_gets_the_lock_when_it_is_released()
    {
        var first = _tmp.Open();
        var held = await first.AcquireApplyLockAsync("bridge add br0", TimeSpan.Zero, ct: Ct);

        var waiter = _tmp.Open().AcquireApplyLockAsync("route add", TimeSpan.FromSeconds(20), ct: Ct);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(waiter.IsCompleted);
        await held.DisposeAsync();

        await using var second = await waiter;
        Assert.True(second.IsHeld);
        var holder = await ApplyLock.ReadHolderAsync(_tmp.Open().Database, TestContext.Current.CancellationToken);
        Assert.Equal("route add", holder?.Purpose);
    }

    [Fact]
    public async Task Releasing_clears_the_holder_record()
    {
        var journal = _tmp.Open();
        await (await journal.AcquireApplyLockAsync("x", TimeSpan.Zero, ct: Ct)).DisposeAsync();

        Assert.Null(await ApplyLock.ReadHolderAsync(journal.Database, TestContext.Current.CancellationToken));
        await using var again = await journal.AcquireApplyLockAsync("y", TimeSpan.Zero, ct: Ct);
        Assert.True(again.IsHeld);
    }

    [Fact]
    public async Task A_lock_held_by_another_process_names_that_process_and_dies_with_it()
    {
        var journal = _tmp.Open();
        using var child = ChildJournalProcess.Start("hold", _tmp.DbPath);
        try
        {
            await ChildJournalProcess.WaitReadyAsync(child, TimeSpan.FromSeconds(60));

            var ex = await Assert.ThrowsAsync<JournalLockedException>(() =>
                journal.AcquireApplyLockAsync("route add", TimeSpan.FromMilliseconds(200), ct: Ct));
            Assert.Equal(child.Id, ex.Holder?.Pid);
            Assert.Contains("bridge add br-child", ex.Message);
        }
        finally
        {
            child.Kill(); // SIGKILL: no cleanup runs in the child
            await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // The kernel dropped the flock with the process; the stale holder row does not block.
        await using var mine = await journal.AcquireApplyLockAsync("route add", TimeSpan.FromSeconds(5), ct: Ct);
        Assert.True(mine.IsHeld);
    }
}
