using System.Text.Json;

namespace NetTui.Core.Trace;

/// <summary>
/// What the kernel answered to `ip -j route get` (type "unicast"/"local"/..., the device,
/// gateway and preferred source), or its refusal (<see cref="Error"/>: "No route to host",
/// "Network is unreachable") for a destination it cannot reach.
/// </summary>
public sealed record RouteLookup(string Type, string? Destination, string? Gateway, string? Device, string? PreferredSource, string? Error = null)
{
    public bool Failed => Error is not null;
    public bool IsLocal => Type == "local";

    public static RouteLookup Refused(string error) => new("error", null, null, null, null, error.Replace("RTNETLINK answers: ", "", StringComparison.Ordinal).Trim());

    /// <summary>Pure: the first object of `ip -j route get` output.</summary>
    public static RouteLookup Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() == 0)
            return Refused("no answer");
        var r = doc.RootElement[0];
        string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new(S("type") ?? "unicast", S("dst"), S("gateway"), S("dev"), S("prefsrc"));
    }

    public override string ToString() => Error is not null ? Error
        : IsLocal ? $"local (delivered on this host{(Device is null ? "" : ", " + Device)})"
        : $"{Destination}{(Gateway is null ? "" : " via " + Gateway)} dev {Device}";
}
