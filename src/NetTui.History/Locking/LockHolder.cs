namespace NetTui.History.Locking;

/// <summary>Who holds the apply lock, for the message shown to whoever has to wait.</summary>
public sealed record LockHolder(
    string Host, int Pid, long StartTicks, int UserId, string UserName, string? SudoUser, string Purpose, DateTimeOffset Since)
{
    public string UserDisplay => SudoUser is null
        ? $"{UserName} (uid {UserId})"
        : $"{UserName} (uid {UserId}, sudo from {SudoUser})";

    public override string ToString() =>
        $"{UserDisplay}, pid {Pid} on {Host}, since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: {Purpose}";
}

/// <summary>Another NetTui process is applying a change on this host and did not finish in time.</summary>
public sealed class JournalLockedException(LockHolder? holder, TimeSpan waited, string lockPath, string? what = null)
    : Exception(Describe(holder, waited, lockPath, what))
{
    public LockHolder? Holder { get; } = holder;

    private static string Describe(LockHolder? holder, TimeSpan waited, string lockPath, string? what) =>
        what is not null
            ? $"{what}; gave up after {waited.TotalSeconds:0.#}s"
            : holder is null
            ? $"another NetTui process is applying a change (lock {lockPath}); gave up after {waited.TotalSeconds:0.#}s"
            : $"another NetTui process is applying a change: {holder}; gave up after {waited.TotalSeconds:0.#}s";
}
