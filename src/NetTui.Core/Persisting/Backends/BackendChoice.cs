using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NetTui.Core.Model;

namespace NetTui.Core.Persisting.Backends;

/// <summary>The configuration systems NetTui can write so that a change survives a reboot.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PersistenceBackendKind>))]
public enum PersistenceBackendKind
{
    /// <summary>NetworkManager profiles over D-Bus (the NetworkManager daemon runs).</summary>
    NetworkManager,
    /// <summary>Debian's ifupdown: stanzas in /etc/network/interfaces and the files it sources.</summary>
    Ifupdown,
    /// <summary>systemd-networkd: .netdev/.network files in /etc/systemd/network.</summary>
    Networkd,
    /// <summary>netplan: YAML in /etc/netplan, rendered to networkd or NetworkManager.</summary>
    Netplan,
}

/// <summary>
/// The backend a change persists through, as decided for the host (or forced with
/// --persist-with), journaled with the operation so undo and rollback write the same files.
/// <see cref="Root"/> prefixes every path NetTui reads or writes ("" on a real host; a test's
/// directory in tests); the paths written into the files stay the host's own (/etc/...).
/// <see cref="Files"/>: the backend's existing files found when it was chosen (the host layer
/// lists directories; Core reads their text from the operation context).
/// </summary>
public sealed record BackendChoice(PersistenceBackendKind Kind, string Root = "")
{
    public ImmutableArray<string> Files { get; set; } = [];

    /// <summary>The host path <paramref name="path"/> (absolute) under <see cref="Root"/>.</summary>
    public string Rooted(string path) => Root.Length == 0 ? path : Root.TrimEnd('/') + path;

    /// <summary>The word of --persist-with and of the header: nm, ifupdown, netplan, networkd.</summary>
    public static string Word(PersistenceBackendKind kind) => kind switch
    {
        PersistenceBackendKind.NetworkManager => "nm",
        PersistenceBackendKind.Ifupdown => "ifupdown",
        PersistenceBackendKind.Networkd => "networkd",
        _ => "netplan",
    };

    public static PersistenceBackendKind? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "nm" or "networkmanager" => PersistenceBackendKind.NetworkManager,
        "ifupdown" => PersistenceBackendKind.Ifupdown,
        "networkd" or "systemd-networkd" => PersistenceBackendKind.Networkd,
        "netplan" => PersistenceBackendKind.Netplan,
        _ => null,
    };
}

/// <summary>
/// A file as it must be put back by an undo or a rollback: <see cref="Content"/> (null: the
/// file did not exist) replaces what NetTui wrote, <see cref="Expected"/> (null: NetTui
/// removed it); a file changed by someone else since is not overwritten.
/// </summary>
public sealed record FileRestore(string Path, string? Expected, string? Content);
