namespace NetTui.UnitTests.Traffic;

/// <summary>A monotonic clock that moves only when told (ticks are 100 ns, like TimeSpan's).</summary>
internal sealed class FakeClock : TimeProvider
{
    private long _ticks = 1_000_000;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
