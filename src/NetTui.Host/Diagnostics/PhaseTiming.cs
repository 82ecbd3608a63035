using System.Diagnostics;

namespace NetTui.Host.Diagnostics;

/// <summary>
/// With NETTUI_TIMING=1, writes "phase: ms since process start" lines to stderr: where a
/// `show` spends its time at scale (bench, issue 9) without a profiler. Off, it costs one
/// branch per mark.
/// </summary>
public static class PhaseTiming
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("NETTUI_TIMING") == "1";
    private static readonly DateTime Start = Enabled ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;

    public static void Mark(string phase)
    {
        if (!Enabled) return;
        var ms = (DateTime.UtcNow - Start).TotalMilliseconds;
        Console.Error.WriteLine($"timing {ms,8:F1} ms  {phase} (thread {Environment.CurrentManagedThreadId}; " +
                                $"GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
                                $"pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() >> 20} MB)");
    }
}
