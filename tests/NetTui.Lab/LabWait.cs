namespace NetTui.Lab;

/// <summary>Polls a condition until it holds or a deadline passes (daemons need a few seconds).</summary>
public static class LabWait
{
    public static async Task UntilAsync(string what, Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var step = interval ?? TimeSpan.FromMilliseconds(100);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition().ConfigureAwait(false)) return;
            }
            catch (LabException e)
            {
                last = e; // e.g. a probe that timed out; try again until the deadline
            }
            if (DateTime.UtcNow >= deadline)
                throw new LabException($"timed out after {timeout.TotalSeconds:0.#} s waiting for {what}" +
                                       (last is null ? "" : $" (last error: {last.Message})"), last);
            await Task.Delay(step).ConfigureAwait(false);
        }
    }
}
