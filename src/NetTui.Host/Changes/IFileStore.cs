using NetTui.Files;

namespace NetTui.Host.Changes;

/// <summary>The few file operations plan steps need (daemon.json), behind an interface so tests can fake them.</summary>
public interface IFileStore
{
    /// <summary>The file's text, or null if it does not exist.</summary>
    Task<string?> ReadAsync(string path, CancellationToken ct = default);

    /// <summary>Replaces the file's text atomically through the one safe writer, keeping its mode if it existed.</summary>
    Task WriteAsync(string path, string content, CancellationToken ct = default);

    Task DeleteAsync(string path, CancellationToken ct = default);

    /// <summary>Like <see cref="WriteAsync"/>, but a new file is readable by its owner only (0600).</summary>
    Task WriteOwnerOnlyAsync(string path, string content, CancellationToken ct = default) => WriteAsync(path, content, ct);
}

public sealed class FileStore : IFileStore
{
    public async Task<string?> ReadAsync(string path, CancellationToken ct = default) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, ct).ConfigureAwait(false) : null;

    public Task WriteAsync(string path, string content, CancellationToken ct = default)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("NetTui writes files with Unix modes");
        // A daemon's config is not secret: keep the mode it had, else the usual 0644 for a config file.
        var mode = FileFacts.OfPath(path) is { IsRegular: true } existing ? existing.Mode : DaemonConfigMode;
        return SafeFileWriter.WriteAsync(path, content, mode, ct);
    }

    public Task WriteOwnerOnlyAsync(string path, string content, CancellationToken ct = default)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("NetTui writes files with Unix modes");
        var mode = FileFacts.OfPath(path) is { IsRegular: true } existing ? existing.Mode : SafeFileWriter.OwnerOnly;
        return SafeFileWriter.WriteAsync(path, content, mode, ct);
    }

    private const UnixFileMode DaemonConfigMode = SafeFileWriter.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public Task DeleteAsync(string path, CancellationToken ct = default)
    {
        File.Delete(path);
        return Task.CompletedTask;
    }
}
