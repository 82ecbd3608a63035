namespace NetTui.History.Storage;

/// <summary>
/// The journal records commands, addresses and stderr of every change: owner-only. Files are
/// created 0600 (never briefly world-readable); an existing one must be ours (see NetTui.Files.OwnerOnlyFile).
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
        // The journal's -wal, -shm and lock are created by name later: nobody else may plant them.
        global::NetTui.Files.OwnerOnlyFile.CheckPrivateDirectory(directory);
    }

    /// <summary>Created 0600, or an existing file checked (ours, regular, not a link, no one else may write) and tightened.</summary>
    public static void EnsureOwnerOnlyFile(string path) => global::NetTui.Files.OwnerOnlyFile.Ensure(path);
}
