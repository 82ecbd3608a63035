using System.Diagnostics;

namespace NetTui.UnitTests.Security;

/// <summary>
/// Acting as another local user (nobody, uid 65534): files that user made, and programs run
/// as that user through setpriv. These tests need root, as NetTui's real use does.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class OtherUser
{
    public const int Uid = 65534;

    public static void RequireRoot() =>
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "needs root: it plays another user against root NetTui");

    /// <summary>Runs ARGV as nobody (no groups); returns exit code and output.</summary>
    public static (int Code, string Out, string Err) Run(params string[] argv)
    {
        var psi = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", .. argv]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEnd();
        var e = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, o, e);
    }

    /// <summary>What nobody can do in DIR: it makes PATH (through setpriv, a real other-user file) with TEXT.</summary>
    public static void CreateFile(string path, string text = "{}")
    {
        var r = Run("sh", "-c", "umask 000; printf '%s' \"$1\" > \"$2\"", "sh", text, path);
        Assert.True(r.Code == 0, $"nobody could not create {path}: {r.Err}");
    }

    /// <summary>A directory where nobody may create files (mode 1777 with sticky, or 0777 without).</summary>
    public static ScratchDir SharedDirectory(bool sticky = true) => new(sticky ? "1777" : "777");

    public static uint OwnerOf(string path) => NetTui.Files.FileFacts.OfPath(path)!.Value.OwnerUid;
}

/// <summary>A temporary directory (0700 unless a mode is given), removed with everything in it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ScratchDir : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nettui-sec-");

    public ScratchDir(string? octalMode = null)
    {
        if (octalMode is not null) File.SetUnixFileMode(FullName, Mode(octalMode));
    }

    public string FullName => _dir.FullName;

    public string Path(string name) => System.IO.Path.Combine(FullName, name);

    public static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    public void Dispose() => _dir.Delete(recursive: true);
}
