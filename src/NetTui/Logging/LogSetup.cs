using NetTui.Files;
using NetTui.Core.Text;
using Serilog;
using Serilog.Core;

namespace NetTui.Logging;

/// <summary>
/// Serilog to a file only: the terminal belongs to the tables and the TUI. A log that
/// cannot be written (no permission, read-only disk) silently means no logging: a
/// network tool must not fail because of its own diary.
/// </summary>
public static class LogSetup
{
    public static ILogger Create(string? path)
    {
        if (path is null || !CanWrite(path)) return Logger.None;
        try
        {
            return new LoggerConfiguration()
                .MinimumLevel.Debug()
                .WriteTo.File(path, shared: true, fileSizeLimitBytes: 10 * 1024 * 1024, rollOnFileSizeLimit: true, retainedFileCountLimit: 3)
                .CreateLogger();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Logger.None;
        }
    }

    private static bool CanWrite(string path)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            // Created 0600, or an existing log that is ours; a planted link or another user's
            // file is refused (root would append to whatever it names).
            OwnerOnlyFile.Ensure(path);
            return true;
        }
        catch (UnsafeFileException e)
        {
            // Not silent: the admin should know someone set a trap for the log.
            Console.Error.WriteLine($"nettui: no log: {TerminalText.Escape(e.Message)}");
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return false;
        }
    }
}
