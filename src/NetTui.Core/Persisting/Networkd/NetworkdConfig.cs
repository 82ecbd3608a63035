using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;

namespace NetTui.Core.Persisting.Networkd;

/// <summary>systemd-networkd's files in /etc/systemd/network as the context holds them, and the edits planned on them.</summary>
public sealed class NetworkdConfig : PlannedFiles
{
    public const string Directory = "/etc/systemd/network";

    public NetworkdConfig(BackendChoice choice, OperationContext ctx, IEnumerable<string> more) : base(choice, ctx)
    {
        foreach (var rooted in choice.Files.Concat(more).Distinct(StringComparer.Ordinal)) Order.Add(HostPathOf(rooted));
    }

    public static string OwnNetdev(string name) => $"{Directory}/50-nettui-{name}.netdev";
    public static string OwnNetwork(string name) => $"{Directory}/50-nettui-{name}.network";

    public NetworkdFile? File(string hostPath) => Text(hostPath) is { } t ? NetworkdFile.Parse(Choice.Rooted(hostPath), t) : null;

    public IEnumerable<(string Host, NetworkdFile File)> Files() =>
        Order.Order(StringComparer.Ordinal).Select(p => (p, File(p))).Where(x => x.Item2 is not null).Select(x => (x.p, x.Item2!));

    public IEnumerable<string> Errors() => Files().Select(f => f.File.Error).OfType<string>();

    /// <summary>The .network networkd applies to <paramref name="name"/>: the first by file name, as networkd picks it.</summary>
    public (string Host, NetworkdFile File)? NetworkFor(string name) =>
        Files().Where(f => f.Host.EndsWith(".network", StringComparison.Ordinal) && f.File.MatchNames().Contains(name))
            .Cast<(string, NetworkdFile)?>().FirstOrDefault();

    public (string Host, NetworkdFile File)? NetdevFor(string name) =>
        Files().Where(f => f.Host.EndsWith(".netdev", StringComparison.Ordinal) && f.File.NetDevName == name)
            .Cast<(string, NetworkdFile)?>().FirstOrDefault();
}
