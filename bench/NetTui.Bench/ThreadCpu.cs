using System.Runtime.InteropServices;

namespace NetTui.Bench;

/// <summary>
/// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID): the work a keypress costs
/// the UI thread, which on a loaded machine differs from its wall time by the time spent
/// waiting for a core. Reported next to the wall time so a busy machine can be told apart.
/// </summary>
internal static class ThreadCpu
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Sec; public long Nsec; }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec ts);

    public static double NowMs()
    {
        clock_gettime(3, out var ts);
        return ts.Sec * 1e3 + ts.Nsec / 1e6;
    }
}
