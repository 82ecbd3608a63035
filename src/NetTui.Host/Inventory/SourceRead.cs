using NetTui.Core.Model;

namespace NetTui.Host.Inventory;

/// <summary>What one source reader produced: its part (null when the source is down) and its status.</summary>
public sealed record SourceRead<T>(T? Value, SourceStatus Status) where T : class
{
    public bool Ok => Value is not null && Status.Available;
}
