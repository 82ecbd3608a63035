using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Host.Doctor;

/// <summary>
/// Reads the rc.local scripts and, one level deep, the scripts they run (the seed puts
/// `source /root/autorun.sh` in rc.local and the OVS start lines in autorun.sh). Read-only.
/// </summary>
public static partial class BootScriptReader
{
    private const int MaxBytes = 64 * 1024;

    [GeneratedRegex(@"^\s*(?:(?:source|\.|sh|bash)\s+)?(?<path>/[^\s;&|]+)", RegexOptions.Multiline)]
    private static partial Regex ScriptReference();

    public static ImmutableArray<BootScript> Read(IEnumerable<string> paths)
    {
        var result = ImmutableArray.CreateBuilder<BootScript>();
        foreach (var path in paths)
        {
            if (ReadSmall(path) is not { } text) continue;
            result.Add(new BootScript(path, text));
            foreach (Match m in ScriptReference().Matches(text))
            {
                var inner = m.Groups["path"].Value;
                if (inner == path || result.Any(s => s.Path == inner)) continue;
                if (ReadSmall(inner) is { } innerText && !innerText.Contains('\0')) result.Add(new BootScript(inner, innerText, path));
            }
        }
        return result.ToImmutable();
    }

    private static string? ReadSmall(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes) return null;
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
