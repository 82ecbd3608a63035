namespace NetTui.Core.Model;

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<SourceKind>))]
public enum SourceKind { IpRoute2, Ovs, Docker, NetworkManager }

/// <summary>Whether one source answered, and if not, why (shown verbatim to the admin).</summary>
public sealed record SourceStatus(SourceKind Source, bool Available, string? Reason, TimeSpan Elapsed)
{
    public static SourceStatus Ok(SourceKind s, TimeSpan elapsed) => new(s, true, null, elapsed);
    public static SourceStatus Down(SourceKind s, string reason, TimeSpan elapsed) => new(s, false, reason, elapsed);
}
