namespace NetTui.Files;

/// <summary>A file NetTui refuses to use, with a one-line message naming it and what to do.</summary>
public sealed class UnsafeFileException(string message) : IOException(message);
