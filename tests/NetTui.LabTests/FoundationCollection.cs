namespace NetTui.LabTests;

/// <summary>
/// The classes that only read the foundation host share one instance of it (building it
/// starts dockerd, which takes seconds of the machine's two cores).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FoundationCollection : ICollectionFixture<FoundationSnapshotFixture>
{
    public const string Name = "foundation host";
}
