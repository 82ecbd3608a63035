using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// A plan step done through NetworkManager's D-Bus API rather than a program. The preview
/// shows what is done and the nmcli equivalent; a new profile's settings are listed too.
/// <see cref="Undo"/>s run newest first when a later step fails (like a command's undo).
/// </summary>
public sealed record NetworkManagerStep(string Description, NmAction Do, System.Collections.Immutable.ImmutableArray<NmAction> Undo)
    : PlanStep(Description)
{
    public override IEnumerable<string> Preview()
    {
        yield return $"NetworkManager: {Do.Describe()}    # {Do.Nmcli()}";
        if (Do is AddProfile add)
            foreach (var line in add.Settings.Lines())
                if (!line.StartsWith("connection.uuid=", StringComparison.Ordinal))
                    yield return "#   " + line;
    }
}

/// <summary>A line for the preview that runs nothing: e.g. "runtime only: lost at reboot".</summary>
public sealed record NoteStep(string Description) : PlanStep(Description)
{
    public override IEnumerable<string> Preview() { yield return "# " + Description; }
}
