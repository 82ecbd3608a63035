using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Persisting;

namespace NetTui.Host.Inventory.Systemd;

/// <summary>
/// Reads whether systemd manages this host (sd_booted(3): /run/systemd/system exists) and the
/// units NetTui generated (ROOT/etc/systemd/system/nettui-*.service that carry its
/// X-NetTui-Makes= lines; an admin's unit of the same prefix without them is not NetTui's).
/// Plain file reads of a handful of small files: cheap enough for every full read.
/// </summary>
public static class BootUnitReader
{
    public static bool Booted(string root) => Directory.Exists(Path.Combine(root, "run/systemd/system"));

    public static async Task<SystemdState> ReadAsync(string root, CancellationToken ct = default)
    {
        var state = new SystemdState(Booted(root), root, []);
        var dir = state.UnitDirectory;
        if (!Directory.Exists(dir)) return state;
        var units = ImmutableArray.CreateBuilder<BootUnit>();
        foreach (var path in Directory.EnumerateFiles(dir, SystemdState.UnitPrefix + "*.service").Order(StringComparer.Ordinal))
        {
            string text;
            try { text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (BootUnitFile.Parse(Path.GetFileName(path), text) is { } unit) units.Add(unit);
        }
        return state with { Units = units.ToImmutable() };
    }
}
