using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;

namespace NetTui.Core.Persisting.Netplan;

/// <summary>
/// One device an /etc/netplan file defines: its section (ethernets, bridges, tunnels...), its
/// netplan ID, the interface name it gets (set-name, an exact match name, else the ID; null when
/// matched by MAC or a glob), and where.
/// </summary>
public sealed record NetplanDefinition(string Section, string Id, string? Name, string HostPath, int Line, YamlMapping Body);

/// <summary>
/// netplan's YAML in /etc/netplan as the context holds it, NetTui's own 90-nettui.yaml among
/// them, and the text planned for it. netplan reads the files in the order of their names and
/// merges them; NetTui writes only its own and reads the others to know what admins define.
/// </summary>
public sealed class NetplanConfig : PlannedFiles
{
    public const string Directory = "/etc/netplan";
    public const string OwnFile = Directory + "/90-nettui.yaml";
    public const string Header = "# Written by NetTui (nettui): the objects it made persistent. NetTui rewrites this file whole\n"
                               + "# when it changes one of them (comments here are lost); keep your own settings in another file.";

    public NetplanConfig(BackendChoice choice, OperationContext ctx) : base(choice, ctx)
    {
        foreach (var rooted in choice.Files.Append(choice.Rooted(OwnFile)).Distinct(StringComparer.Ordinal)) Order.Add(HostPathOf(rooted));
    }

    /// <summary>The files that exist (as planned so far), in netplan's order, each parsed or with its error.</summary>
    public IEnumerable<(string Host, string Text, YamlNode? Root, string? Error)> Files() =>
        Order.Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(p => (Host: p, Text: Text(p)))
            .Where(f => f.Text is not null)
            .Select(f => YamlReader.Parse(Choice.Rooted(f.Host), f.Text!) is var (root, error) ? (f.Host, f.Text!, root, error) : default);

    public IEnumerable<string> Errors() => Files().Select(f => f.Error ?? ShapeError(f.Host, f.Root)).OfType<string>();

    private string? ShapeError(string host, YamlNode? root) => root is null or YamlMapping { Entries.Count: 0 } || (root is YamlMapping m && m["network"] is null or YamlMapping)
        ? null
        : $"{Choice.Rooted(host)}:{root.Line}: netplan expects a \"network:\" mapping";

    /// <summary>Every definition of every file, in netplan's order.</summary>
    public IEnumerable<NetplanDefinition> Definitions() => Files().Where(f => f.Error is null).SelectMany(f => DefinitionsOf(f.Host, f.Root));

    public static IEnumerable<NetplanDefinition> DefinitionsOf(string host, YamlNode? root)
    {
        if ((root as YamlMapping)?.Map("network") is not { } network) yield break;
        foreach (var section in network.Entries.Where(e => e.Value is YamlMapping))
            foreach (var device in ((YamlMapping)section.Value).Entries)
            {
                var body = device.Value as YamlMapping ?? new YamlMapping();
                yield return new NetplanDefinition(section.Key, device.Key, NameOf(device.Key, body), host, device.Line, body);
            }
    }

    /// <summary>The kernel name a definition gives: set-name, else an exact match name, else (without match) the ID.</summary>
    private static string? NameOf(string id, YamlMapping body)
    {
        if (body.Text("set-name") is { Length: > 0 } set) return set;
        if (body.Map("match") is not { } match) return id;
        return match.Text("name") is { Length: > 0 } name && name.IndexOfAny(['*', '?', '[']) < 0 ? name : null;
    }

    /// <summary>The first definition of the interface <paramref name="name"/> in an admin's file (not NetTui's own).</summary>
    public NetplanDefinition? Admins(string name) => Definitions().FirstOrDefault(d => d.HostPath != OwnFile && d.Name == name);

    /// <summary>NetTui's own file as a tree to edit (a new one when it does not exist).</summary>
    public YamlMapping Own()
    {
        if (Files().FirstOrDefault(f => f.Host == OwnFile).Root is YamlMapping { } root && root.Map("network") is not null) return root;
        var made = new YamlMapping();
        made.MapOrNew("network").Set("version", "2", plain: true);
        return made;
    }

    /// <summary>The definition in NetTui's file of the interface <paramref name="name"/> (by name, else by ID).</summary>
    public static NetplanDefinition? Find(YamlMapping own, string name) =>
        DefinitionsOf(OwnFile, own).FirstOrDefault(d => d.Name == name) ?? DefinitionsOf(OwnFile, own).FirstOrDefault(d => d.Id == name);

    /// <summary>Plans <paramref name="own"/> as NetTui's file; a file left without definitions is removed.</summary>
    public void SetOwn(YamlMapping own)
    {
        var network = own.Map("network")!;
        network.Entries.RemoveAll(e => e.Value is YamlMapping { Entries.Count: 0 } && e.Key is "ethernets" or "bridges" or "tunnels");
        Set(OwnFile, DefinitionsOf(OwnFile, own).Any() ? YamlWriter.Write(own, Header) : null);
    }

    /// <summary>Every file as it will be after the planned changes (host path, text), for `netplan generate`.</summary>
    public IEnumerable<NetplanFileText> AfterChange() => Files().Select(f => new NetplanFileText(f.Host, f.Text));
}

/// <summary>A netplan file's host path and text.</summary>
public sealed record NetplanFileText(string Path, string Text);
