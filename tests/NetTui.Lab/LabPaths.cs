using System.Security.Cryptography;

namespace NetTui.Lab;

/// <summary>
/// Where the lab keeps its state and how it names things. Every lab namespace is called
/// <c>ntl-</c> + a random suffix so parallel or leftover runs never collide, and the sweep
/// (<see cref="LabSweep"/>, tests/lab-sweep.sh) can find them by prefix.
/// </summary>
public static class LabPaths
{
    public const string Prefix = "ntl-";

    /// <summary>Root of all lab state; tests/lab-sweep.sh reads the same variable.</summary>
    public static string BaseDir =>
        Environment.GetEnvironmentVariable("NETTUI_LAB_DIR") is { Length: > 0 } d ? d : "/tmp/nettui-lab";

    /// <summary>
    /// A fresh namespace name: <c>ntl-</c> + 6 random lowercase letters/digits (10 chars),
    /// short enough that names derived from it stay below the kernel's 15-char IFNAMSIZ limit.
    /// </summary>
    public static string NewName()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> suffix = stackalloc char[6];
        for (var i = 0; i < suffix.Length; i++)
            suffix[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return Prefix + new string(suffix);
    }

    public static string StateDir(string ns) => Path.Combine(BaseDir, ns);

    /// <summary>
    /// A file in a namespace's state dir that holds the pid of the test process owning it.
    /// Not named *.pid on purpose: the sweep kills what *.pid files name, never the owner.
    /// </summary>
    public static string OwnerFile(string ns) => Path.Combine(StateDir(ns), "owner");
}
