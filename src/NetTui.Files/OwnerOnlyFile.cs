using Microsoft.Win32.SafeHandles;

namespace NetTui.Files;

/// <summary>
/// Files NetTui keeps open or appends to (the journal, the apply lock, the log): created 0600
/// if absent, never through a symlink; an existing one is used only when it is a regular file
/// owned by this user that no one else may write. Its read bits for others are removed (the
/// journal holds tunnel keys). Anything else is refused with one line naming the file.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>Creates PATH (0600) or checks the one that is there; throws <see cref="UnsafeFileException"/>.</summary>
    public static void Ensure(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("NetTui needs Unix file modes");
        try
        {
            // O_CREAT|O_EXCL fails on any existing name, a dangling symlink included.
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = SafeFileWriter.OwnerOnly,
            });
            return;
        }
        catch (IOException e) when (e is not UnsafeFileException && FileFacts.OfPath(path) is not null)
        {
            // Already there: check it below.
        }
        var before = Check(path);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        CheckOpened(path, handle, before);
    }

    /// <summary>
    /// After opening PATH by name: the handle must be the very file that was checked (not a
    /// link swapped in between) and still ours; then its mode is tightened through the handle.
    /// </summary>
    public static void CheckOpened(string path, SafeFileHandle handle) => CheckOpened(path, handle, Check(path));

    private static void CheckOpened(string path, SafeFileHandle handle, FileFacts checkedPath)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("NetTui needs Unix file modes");
        var opened = FileFacts.OfHandle(handle);
        if (opened.Device != checkedPath.Device || opened.Inode != checkedPath.Inode)
            throw new UnsafeFileException($"{path}: was replaced while NetTui opened it; check who else writes this directory");
        Refuse(path, opened);
        if ((opened.Mode & ~SafeFileWriter.OwnerOnly) != 0)
            File.SetUnixFileMode(handle, SafeFileWriter.OwnerOnly);
    }

    /// <summary>
    /// A directory where NetTui keeps files it reopens by name (the journal with SQLite's -wal
    /// and -shm beside it, the lock): only this user or root may write it, a sticky bit is not
    /// enough there, since another user could still plant the names NetTui creates later.
    /// </summary>
    public static void CheckPrivateDirectory(string directory)
    {
        var f = FileFacts.OfTarget(directory) ?? throw new UnsafeFileException($"{directory}: does not exist");
        var me = FileFacts.CurrentUid;
        if (!f.IsDirectory)
            throw new UnsafeFileException($"{directory}: is not a directory: choose another place for NetTui's files");
        if ((f.OwnerUid != me && f.OwnerUid != 0) || f.GroupOrOtherWritable)
            throw new UnsafeFileException($"{directory}: others may create files in it (owner uid {f.OwnerUid}, mode {Convert.ToString((int)f.Mode, 8)}): keep NetTui's journal in a directory only you or root can write");
    }

    /// <summary>The path's facts when NetTui may use it; otherwise the one-line refusal.</summary>
    public static FileFacts Check(string path)
    {
        var facts = FileFacts.OfPath(path) ?? throw new UnsafeFileException($"{path}: does not exist");
        Refuse(path, facts);
        return facts;
    }

    private static void Refuse(string path, FileFacts f)
    {
        if (f.IsSymlink)
            throw new UnsafeFileException($"{path}: is a symbolic link and NetTui does not follow links for its own files: remove it or choose another path");
        if (!f.IsRegular)
            throw new UnsafeFileException($"{path}: is not a regular file: remove it or choose another path");
        var me = FileFacts.CurrentUid;
        if (f.OwnerUid != me)
            throw new UnsafeFileException($"{path}: belongs to uid {f.OwnerUid}, not to this user (uid {me}): remove it or choose another path");
        if (f.GroupOrOtherWritable)
            throw new UnsafeFileException($"{path}: group or others may write it (mode {Convert.ToString((int)f.Mode, 8)}): remove it, or run chmod go-w on it if its content is yours");
    }
}
