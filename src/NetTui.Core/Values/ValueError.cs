namespace NetTui.Core.Values;

/// <summary>
/// Why one field was refused. <see cref="Field"/> is the name the admin typed it under
/// (CLI option or form label), so the one-line message says where to look.
/// </summary>
public sealed record ValueError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>The result of parsing one field: a value, or the reason it was refused. Never throws.</summary>
public readonly record struct Parsed<T>(T? Value, ValueError? Error)
{
    public bool Ok => Error is null;

    public static Parsed<T> Success(T value) => new(value, null);
    public static Parsed<T> Fail(string field, string message) => new(default, new ValueError(field, message));

    /// <summary>The value; only call after checking <see cref="Ok"/>.</summary>
    public T Get() => Ok ? Value! : throw new InvalidOperationException(Error!.ToString());
}
