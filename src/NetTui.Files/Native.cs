using System.Runtime.InteropServices;

namespace NetTui.Files;

/// <summary>The two libc calls .NET does not offer: statx (owner and type of a file or handle) and geteuid.</summary>
internal static partial class Native
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtEmptyPath = 0x1000;
    public const uint StatxBasicStats = 0x7ff;
    public const int ENOENT = 2;
    public const int ENOTDIR = 20;

    /// <summary>struct statx (linux/stat.h), the fields NetTui reads at their fixed offsets; 256 bytes in all.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct Statx
    {
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int statx(int dirFd, string path, int flags, uint mask, out Statx result);

    [LibraryImport("libc")]
    public static partial uint geteuid();
}
