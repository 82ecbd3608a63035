using Terminal.Gui.App;

namespace NetTui.Tui;

/// <summary>
/// "Run off the UI thread, then come back", once for the whole UI: journal reads, reverts,
/// confirms, form applies, Doctor fixes and the dockerd restart all continue through here.
/// A task that is already done (the scripted backends of headless tests) continues at once;
/// otherwise through <c>post</c> (the application's Invoke, or a test's queue); with nobody
/// to post to, where it finished.
/// </summary>
internal static class UiWork
{
    public static Action<Action>? PostOf(IApplication? app) => app is null ? null : a => app.Invoke(a);

    /// <summary>Calls <paramref name="finish"/> with the ended task, on the UI thread.</summary>
    public static void When<TTask>(TTask task, Action<Action>? post, Action<TTask> finish) where TTask : Task
    {
        if (task.IsCompleted) { finish(task); return; }
        task.ContinueWith(_ => { if (post is null) finish(task); else post(() => finish(task)); }, TaskScheduler.Default);
    }

    /// <summary>The result to <paramref name="done"/>, or the failure to <paramref name="failed"/>, on the UI thread.</summary>
    public static void Then<T>(Task<T> task, Action<Action>? post, Action<T> done, Action<Exception> failed) =>
        When(task, post, t =>
        {
            if (t.IsCompletedSuccessfully) done(t.Result);
            else failed(t.Exception?.GetBaseException() ?? new OperationCanceledException());
        });

    /// <summary>Starts <paramref name="work"/> on the thread pool and continues as <see cref="Then"/>.</summary>
    public static void Off<T>(Func<CancellationToken, Task<T>> work, Action<Action>? post, Action<T> done, Action<Exception> failed) =>
        Then(Task.Run(() => work(CancellationToken.None)), post, done, failed);

    /// <summary>Starts a call that may throw before it returns a task: a throw counts as a failed task.</summary>
    public static Task<T> Start<T>(Func<Task<T>> call)
    {
        try { return call(); }
        catch (Exception e) { return Task.FromException<T>(e); }
    }
}
