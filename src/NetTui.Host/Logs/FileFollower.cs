using System.Text;
using NetTui.Core.Logs;

namespace NetTui.Host.Logs;

/// <summary>
/// `tail -F` for one log file, without a thread of its own: reads the last
/// <see cref="TailBytes"/> at start, then waits for inotify (FileSystemWatcher) to say the file
/// changed and reads only what was appended. A file that shrank (truncated) or was re-created
/// (rotated) is read again from its start. While followed, a slow check every
/// <see cref="Fallback"/> covers file systems where inotify says nothing.
/// </summary>
public sealed class FileFollower(string path, Func<string, LogLine?> parse)
{
    public const int TailBytes = 64 * 1024;
    public static readonly TimeSpan Fallback = TimeSpan.FromSeconds(5);

    public async Task RunAsync(Action<IReadOnlyList<LogLine>> onLines, CancellationToken ct)
    {
        using var changed = new SemaphoreSlim(0, int.MaxValue);
        var reopen = false;
        using var watcher = Watch(changed, () => reopen = true);
        var position = -1L;
        var partial = new StringBuilder();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (reopen || stream.Length < position) { position = 0; partial.Clear(); reopen = false; }
                var first = position < 0;
                if (first) position = Math.Max(0, stream.Length - TailBytes);
                if (stream.Length > position)
                {
                    stream.Seek(position, SeekOrigin.Begin);
                    var bytes = new byte[stream.Length - position];
                    var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                    position += read;
                    var text = Encoding.UTF8.GetString(bytes, 0, read);
                    // The first read of a file's tail starts mid-line unless it starts at 0.
                    if (first && position - read > 0 && text.IndexOf('\n') is var nl and >= 0) text = text[(nl + 1)..];
                    var lines = Split(partial, text);
                    if (lines.Count > 0) onLines(lines);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Rotated away or not there yet: the watcher's Created wakes us.
                reopen = true;
            }
            try { await changed.WaitAsync(Fallback, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            while (changed.CurrentCount > 0) changed.Wait(0); // merge a burst of events into one read
        }
    }

    /// <summary>Complete lines of <paramref name="text"/>, parsed; an unfinished last line waits in <paramref name="partial"/>.</summary>
    private List<LogLine> Split(StringBuilder partial, string text)
    {
        partial.Append(text);
        var all = partial.ToString();
        var end = all.LastIndexOf('\n');
        var result = new List<LogLine>();
        if (end < 0) return result;
        foreach (var raw in all[..end].Split('\n'))
            if (parse(raw) is { } line) result.Add(line);
        partial.Clear().Append(all[(end + 1)..]);
        return result;
    }

    private FileSystemWatcher? Watch(SemaphoreSlim changed, Action recreated)
    {
        try
        {
            var dir = Path.GetDirectoryName(path);
            if (dir is null || !Directory.Exists(dir)) return null;
            var w = new FileSystemWatcher(dir, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName,
            };
            w.Changed += (_, _) => changed.Release();
            w.Created += (_, _) => { recreated(); changed.Release(); };
            w.Renamed += (_, _) => { recreated(); changed.Release(); };
            w.EnableRaisingEvents = true;
            return w;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            return null; // the fallback check still follows the file
        }
    }
}
