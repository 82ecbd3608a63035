namespace NetTui.History.Storage;

/// <summary>
/// The journal records commands, addresses and stderr of every change: owner-only. Files are
/// created 0600 (never briefly world-readable) and an existing file with looser bits is tightened.
/// </summary>
internal static class SecureFiles
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public static void EnsureDirectory(string directory)
    {
        // NetTui manages Linux hosts; the guard also tells the platform analyzer so.
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the NetTui history needs Unix file modes");
        // Only a directory we create gets 0700; an existing one (e.g. /var/lib) is not ours to change.
        if (!Directory.Exists(directory))
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
    }

    public static void EnsureOwnerOnlyFile(string path)
    {
        // NetTui manages Linux hosts; the guard also tells the platform analyzer so.
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the NetTui history needs Unix file modes");
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnlyFile,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there (or another process created it a moment ago): fix the mode below.
        }

        if ((File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
            File.SetUnixFileMode(path, OwnerOnlyFile);
    }
}
