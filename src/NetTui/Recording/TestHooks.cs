using System.Globalization;

namespace NetTui.Recording;

/// <summary>
/// TEST ONLY. <c>NETTUI_TEST_PAUSE_AFTER_STEP=k</c> makes a change stop for an hour after its
/// k-th step (counted over the whole change-set, 1-based), once that step is journaled, so the
/// lab's crash test can SIGKILL nettui between two steps of a real change. Unset in normal use;
/// nothing else reads it.
/// </summary>
internal static class TestHooks
{
    public const string PauseAfterStepVariable = "NETTUI_TEST_PAUSE_AFTER_STEP";

    private static readonly int? PauseAfter =
        int.TryParse(Environment.GetEnvironmentVariable(PauseAfterStepVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? k : null;

    public static Task PauseAfterStepAsync(int stepsFinished) =>
        PauseAfter == stepsFinished ? Task.Delay(TimeSpan.FromHours(1)) : Task.CompletedTask;
}
