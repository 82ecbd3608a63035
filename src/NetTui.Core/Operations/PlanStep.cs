using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NetTui.Core.Commands;

namespace NetTui.Core.Operations;

/// <summary>
/// One step of a plan, with the way to take it back. Steps are undone in reverse order when
/// a later step fails, so each undo only has to reverse its own step.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(CommandStep), "command")]
[JsonDerivedType(typeof(FileWriteStep), "file")]
[JsonDerivedType(typeof(Persisting.NetworkManagerStep), "networkmanager")]
[JsonDerivedType(typeof(Persisting.NoteStep), "note")]
[JsonDerivedType(typeof(Persisting.Netplan.NetplanCheckStep), "netplanCheck")]
public abstract record PlanStep(string Description)
{
    /// <summary>The lines a preview shows: the exact command(s), with comments.</summary>
    public abstract IEnumerable<string> Preview();
}

/// <summary>
/// One program call. <see cref="Classic"/> is the deprecated equivalent (brctl, ifconfig)
/// an admin may know better; it is shown as a comment and never run.
/// <see cref="UndoAlsoIfFailed"/>: the call may have taken effect even though it failed
/// (ovs-vsctl commits its transaction, then times out waiting for ovs-vswitchd), and its
/// undo is harmless if it did not (`--if-exists del-br`); so a failed step is undone too.
/// </summary>
public sealed record CommandStep(string Description, CommandSpec Do, ImmutableArray<CommandSpec> Undo, string? Classic = null, bool UndoAlsoIfFailed = false)
    : PlanStep(Description)
{
    public override IEnumerable<string> Preview()
    {
        yield return Classic is null ? Do.Display : $"{Do.Display}    # {Classic}";
    }
}

/// <summary>
/// Replace a file's text (or remove the file: <see cref="RemoveFile"/>), keeping a backup of
/// what was there. Undo writes the previous text back (or removes the file if there was none).
/// <see cref="Previous"/> is the text the plan was made from: the executor refuses to write if
/// the file changed since.
/// </summary>
public sealed record FileWriteStep(string Description, string Path, string Content, string? Previous, string? BackupPath)
    : PlanStep(Description)
{
    /// <summary>The file is removed (a persistence backend's file for an object that is deleted); <see cref="Content"/> is unused.</summary>
    public bool RemoveFile { get; init; }

    /// <summary>A new file is made readable by its owner only (netplan wants 0600: its files may hold Wi-Fi keys); an existing one keeps its mode.</summary>
    public bool OwnerOnly { get; init; }

    /// <summary>A step that writes <paramref name="content"/>, or removes the file when it is null.</summary>
    public static FileWriteStep WriteOrRemove(string description, string path, string? content, string? previous) =>
        new(description, path, content ?? "", previous, null) { RemoveFile = content is null };

    public override IEnumerable<string> Preview()
    {
        if (RemoveFile)
        {
            yield return $"rm {ShellQuote.Quote(Path)}";
            yield break;
        }
        if (Previous is not null && BackupPath is not null)
            yield return $"cp {ShellQuote.Quote(Path)} {ShellQuote.Quote(BackupPath)}    # backup";
        yield return $"# write {Path}:";
        foreach (var line in Content.TrimEnd('\n').Split('\n'))
            yield return "#   " + line;
    }
}
