using NetTui.Core.Operations;

namespace NetTui.Core.Persisting.Backends;

/// <summary>
/// A file backend's files as the context holds them (read by the host layer), and the new text
/// planned for some of them. Paths are the host's (/etc/...); <see cref="BackendChoice.Rooted"/>
/// maps them to what is read and written. <see cref="Steps"/>: one write or removal per changed file.
/// </summary>
public class PlannedFiles(BackendChoice choice, OperationContext ctx)
{
    private readonly Dictionary<string, string?> _planned = new(StringComparer.Ordinal);
    protected List<string> Order { get; } = [];

    public BackendChoice Choice => choice;

    /// <summary>The host path of a path read under the root.</summary>
    public string HostPathOf(string rooted) => choice.Root.Length > 0 && rooted.StartsWith(choice.Root.TrimEnd('/') + "/", StringComparison.Ordinal)
        ? rooted[choice.Root.TrimEnd('/').Length..]
        : rooted;

    /// <summary>The file's text: as planned so far, else as read (null: it does not exist).</summary>
    public string? Text(string hostPath) => _planned.TryGetValue(hostPath, out var t) ? t : ctx.FileText(choice.Rooted(hostPath));

    /// <summary>Plans new text for a file (null: remove it).</summary>
    public void Set(string hostPath, string? text)
    {
        _planned[hostPath] = text;
        if (!Order.Contains(hostPath)) Order.Add(hostPath);
    }

    /// <summary>The steps that write (or remove) every file whose planned text differs from what was read.</summary>
    public IEnumerable<FileWriteStep> Steps() =>
        _planned.Select(p => (Host: p.Key, Text: p.Value, Previous: ctx.FileText(choice.Rooted(p.Key))))
            .Where(p => p.Text != p.Previous)
            .Select(p => FileWriteStep.WriteOrRemove(
                p.Text is null ? $"remove {p.Host}" : p.Previous is null ? $"write {p.Host}" : $"edit {p.Host}",
                choice.Rooted(p.Host), p.Text, p.Previous));
}
