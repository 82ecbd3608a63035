using System.Runtime.InteropServices;

namespace NetTui.Files;

/// <summary>
/// What the kernel says about a file, without following a final symlink (lstat) or for an
/// open handle (fstat): type, owner, mode, identity. .NET exposes no owner, hence statx,
/// whose layout is the same on every architecture (unlike struct stat).
/// </summary>
public readonly record struct FileFacts(bool IsRegular, bool IsDirectory, bool IsSymlink, uint OwnerUid, UnixFileMode Mode, ulong Device, ulong Inode)
{
    public bool GroupOrOtherWritable => (Mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
    public bool Sticky => (Mode & UnixFileMode.StickyBit) != 0;

    /// <summary>The path's own facts (a symlink is reported as one), or null when nothing is there.</summary>
    public static FileFacts? OfPath(string path) => Stat(Native.AtFdCwd, path, Native.AtSymlinkNoFollow);

    /// <summary>The facts of what PATH finally names (links followed): for directories.</summary>
    public static FileFacts? OfTarget(string path) => Stat(Native.AtFdCwd, path, 0);

    /// <summary>The facts of an open file: what was really opened, whatever the path says now.</summary>
    public static FileFacts OfHandle(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return Stat((int)handle.DangerousGetHandle(), "", Native.AtEmptyPath)
                ?? throw new IOException("the open file vanished from under its handle");
        }
        finally { if (added) handle.DangerousRelease(); }
    }

    /// <summary>The effective uid of this process: whom files NetTui trusts must belong to.</summary>
    public static uint CurrentUid => Native.geteuid();

    private static FileFacts? Stat(int dirFd, string path, int flags)
    {
        if (Native.statx(dirFd, path, flags, Native.StatxBasicStats, out var s) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Native.ENOENT or Native.ENOTDIR) return null;
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var type = s.Mode & 0xF000;
        return new FileFacts(type == 0x8000, type == 0x4000, type == 0xA000, s.Uid, (UnixFileMode)(s.Mode & 0xFFF),
            ((ulong)s.DevMajor << 32) | s.DevMinor, s.Inode);
    }
}
