namespace NetTui.Core.Commands;

/// <summary>
/// Which network namespace NetTui looks at and changes. <c>null</c> name = the namespace
/// NetTui itself runs in. Named namespaces are the ones under /run/netns (`ip netns`).
/// </summary>
public sealed record NetworkTarget(string? Namespace)
{
    public static readonly NetworkTarget Current = new((string?)null);

    public bool IsCurrent => Namespace is null;

    public string NamespacePath => $"/run/netns/{Namespace}";

    public override string ToString() => Namespace ?? "(current)";
}
