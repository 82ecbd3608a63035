using System.Security.Cryptography;
using System.Text;

namespace NetTui.Files;

/// <summary>
/// The one way NetTui writes a whole file (plans, teardowns, exports, wizard plans,
/// daemon.json). A file is written under a fresh random name in the target's own directory,
/// created exclusively (O_CREAT|O_EXCL: never through a symlink, never adopting a file
/// someone planted), mode 0600 unless told otherwise, flushed to disk, then renamed over the
/// target. Readers see the old file or the new one; a link at the target is replaced, not followed.
/// </summary>
public static class SafeFileWriter
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static Task WriteAsync(string path, string content, CancellationToken ct = default) =>
        WriteAsync(path, content, OwnerOnly, ct);

    public static async Task WriteAsync(string path, string content, UnixFileMode mode, CancellationToken ct = default)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("NetTui writes files with Unix modes");
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? "/";
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            var stream = new FileStream(tmp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = OwnerOnly,
            });
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(content), ct).ConfigureAwait(false);
                // Set on the handle, so the umask cannot widen or narrow what the caller asked for.
                File.SetUnixFileMode(stream.SafeFileHandle, mode);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            if (e is UnsafeFileException) throw;
            throw new UnsafeFileException($"{path}: cannot write it ({e.Message}); check who owns it and its directory, or choose another path");
        }
    }

    public static void Write(string path, string content, UnixFileMode mode = OwnerOnly) =>
        WriteAsync(path, content, mode).GetAwaiter().GetResult();

    private static void TryDelete(string tmp)
    {
        try { File.Delete(tmp); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* nothing more to undo */ }
    }
}
