using NetTui.History.Journaling;

namespace NetTui.History.Planning;

/// <summary>
/// Which change-sets an undo/redo/rollback may touch: all of them, or only those applied to
/// one network namespace (`--netns lab`), so undoing in a lab namespace never reverts a change
/// made to the host's own network. Null name = the host's namespace.
/// </summary>
public sealed record NamespaceScope
{
    private NamespaceScope(bool everything, string? name) => (Everything, Name) = (everything, name);

    public bool Everything { get; }
    public string? Name { get; }

    public static readonly NamespaceScope All = new(true, null);
    public static readonly NamespaceScope HostNamespace = new(false, null);
    public static NamespaceScope Only(string? netns) => new(false, netns);

    public bool Includes(ChangeSet cs) => Everything || cs.Namespace == Name;

    public override string ToString() => Everything ? "all namespaces" : Name is null ? "the host namespace" : $"namespace {Name}";
}
