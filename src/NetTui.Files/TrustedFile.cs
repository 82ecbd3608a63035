using System.Text;

namespace NetTui.Files;

/// <summary>
/// Files NetTui runs as root (plans, teardowns) are read the way OpenSSH reads keys: the
/// file must belong to root or to this user and no one else may write it, and its directory
/// must not let others replace it (writable by others only with the sticky bit). Checked on
/// the opened handle, so a link or rename in between cannot slip another file in.
/// </summary>
public static class TrustedFile
{
    public static async Task<string> ReadAllTextAsync(string path, CancellationToken ct = default)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var f = FileFacts.OfHandle(handle);
        var me = FileFacts.CurrentUid;
        if (!f.IsRegular)
            throw new UnsafeFileException($"{path}: is not a regular file");
        if (f.OwnerUid != 0 && f.OwnerUid != me)
            throw new UnsafeFileException($"{path}: belongs to uid {f.OwnerUid}, not to root or you (uid {me}): NetTui runs only plans you own; copy it (cp --no-preserve=ownership) after reading it");
        if (f.GroupOrOtherWritable)
            throw new UnsafeFileException($"{path}: group or others may write it (mode {Convert.ToString((int)f.Mode, 8)}): run chmod go-w on it after checking its content");
        // The directory the file really lies in (links resolved through the open handle).
        var real = RealPath(handle) ?? Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(real) ?? "/";
        var d = FileFacts.OfTarget(dir) ?? throw new UnsafeFileException($"{dir}: does not exist");
        if ((d.OwnerUid != 0 && d.OwnerUid != me) || (d.GroupOrOtherWritable && !d.Sticky))
            throw new UnsafeFileException($"{path}: its directory {dir} lets others replace it (owner uid {d.OwnerUid}, mode {Convert.ToString((int)d.Mode, 8)}): move the plan to a directory only you or root can write");
        using var stream = new FileStream(handle, FileAccess.Read);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }

    private static string? RealPath(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
        }
        catch (IOException) { return null; }
        finally { if (added) handle.DangerousRelease(); }
    }
}
