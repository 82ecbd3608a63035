using System.Globalization;

namespace NetTui.Recording;

/// <summary>
/// TEST ONLY. <c>NETTUI_TEST_PAUSE_AFTER_STEP=k</c> makes a change stop after its k-th step
/// (counted over the whole change-set, 1-based), once that step is journaled, so the lab's
/// crash and fault tests can SIGKILL nettui, or kill a daemon, between two steps of a real
/// change. It stops for an hour, or, with <c>NETTUI_TEST_RESUME_FILE=PATH</c>, until that file
/// exists (the fault tests resume it once the daemon is gone). Unset in normal use; nothing else reads them.
/// </summary>
internal static class TestHooks
{
    public const string PauseAfterStepVariable = "NETTUI_TEST_PAUSE_AFTER_STEP";
    public const string ResumeFileVariable = "NETTUI_TEST_RESUME_FILE";

    private static readonly int? PauseAfter =
        int.TryParse(Environment.GetEnvironmentVariable(PauseAfterStepVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? k : null;

    private static readonly string? ResumeFile = Environment.GetEnvironmentVariable(ResumeFileVariable);

    public static async Task PauseAfterStepAsync(int stepsFinished)
    {
        if (PauseAfter != stepsFinished) return;
        if (ResumeFile is null)
        {
            await Task.Delay(TimeSpan.FromHours(1)).ConfigureAwait(false);
            return;
        }
        var until = DateTime.UtcNow + TimeSpan.FromHours(1);
        while (!File.Exists(ResumeFile) && DateTime.UtcNow < until)
            await Task.Delay(50).ConfigureAwait(false);
    }
}
