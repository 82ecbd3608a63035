namespace NetTui.Host.Changes;

/// <summary>The few file operations plan steps need (daemon.json), behind an interface so tests can fake them.</summary>
public interface IFileStore
{
    /// <summary>The file's text, or null if it does not exist.</summary>
    Task<string?> ReadAsync(string path, CancellationToken ct = default);

    /// <summary>Replaces the file's text atomically (temp file + rename), keeping its mode if it existed.</summary>
    Task WriteAsync(string path, string content, CancellationToken ct = default);

    Task DeleteAsync(string path, CancellationToken ct = default);
}

public sealed class FileStore : IFileStore
{
    public async Task<string?> ReadAsync(string path, CancellationToken ct = default) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, ct).ConfigureAwait(false) : null;

    public async Task WriteAsync(string path, string content, CancellationToken ct = default)
    {
        var dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir ?? ".", $".{Path.GetFileName(path)}.nettui-{Environment.ProcessId}.tmp");
        await File.WriteAllTextAsync(tmp, content, ct).ConfigureAwait(false);
        if (File.Exists(path) && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(tmp, File.GetUnixFileMode(path));
        File.Move(tmp, path, overwrite: true);
    }

    public Task DeleteAsync(string path, CancellationToken ct = default)
    {
        File.Delete(path);
        return Task.CompletedTask;
    }
}
