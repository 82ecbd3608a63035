using System.Text.Json;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Host.Doctor;

/// <summary>Reads the "bridge" and "mtu" keys of Docker's daemon.json (read-only; a missing file is normal).</summary>
public static class DockerConfigReader
{
    public static DockerConfigFacts Read(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path)) return new DockerConfigFacts(path, false, null);
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DockerConfigFacts(path, true, null, e.Message);
        }
        if (string.IsNullOrWhiteSpace(text)) return new DockerConfigFacts(path, true, null);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var bridge = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("bridge", out var b) && b.ValueKind == JsonValueKind.String
                ? b.GetString() : null;
            var mtu = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("mtu", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var n)
                ? n : (int?)null;
            return new DockerConfigFacts(path, true, bridge, Mtu: mtu);
        }
        catch (JsonException e)
        {
            return new DockerConfigFacts(path, true, null, e.Message);
        }
    }
}
