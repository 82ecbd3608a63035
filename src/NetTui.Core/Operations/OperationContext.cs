using System.Collections.Immutable;
using NetTui.Core.Commands;

namespace NetTui.Core.Operations;

/// <summary>
/// What an operation needs besides the snapshot: how to reach OVSDB, the default docker
/// daemon.json path, the timeout of each command, and the current text of the files the
/// operation declared in <see cref="Operation.FilesToRead"/> (read by the host layer, so
/// Core stays free of I/O; null = the file does not exist).
/// </summary>
public sealed record OperationContext
{
    public const string DefaultDaemonJson = "/etc/docker/daemon.json";

    public static readonly OperationContext Default = new();

    public OvsConnection Ovs { get; init; } = OvsConnection.Default;
    public TimeSpan CommandTimeout { get; init; } = CommandSpec.DefaultTimeout;
    public string DaemonJsonPath { get; init; } = DefaultDaemonJson;
    public ImmutableDictionary<string, string?> Files { get; init; } = ImmutableDictionary<string, string?>.Empty;

    public OperationContext WithFile(string path, string? content) => this with { Files = Files.SetItem(path, content) };

    /// <summary>The file's text as read before planning; null if absent or not read.</summary>
    public string? FileText(string path) => Files.TryGetValue(path, out var t) ? t : null;

    public CommandSpec Ip(params string[] args) => new("ip", [.. args], CommandTimeout);
    public CommandSpec Vsctl(params string[] args) => Ovs.Vsctl(args);
}
