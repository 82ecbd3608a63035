using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace NetTui.Core.Export;

/// <summary>
/// A YAML document as a small typed tree, so exports are built from records and printed by
/// one emitter (no reflection serializer: Native AOT). Strings are always written
/// double-quoted with JSON-style escapes, so a host name, a Jinja expression or a value
/// such as "yes", "0755" or "1e3" can never change type or structure when YAML reads it back.
/// </summary>
public abstract record YamlNode
{
    /// <summary>A string, or null (an optional field YamlMap.Of leaves out).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(s))]
    public static implicit operator YamlNode?(string? s) => s is null ? null : new YamlString(s);
    public static implicit operator YamlNode(long n) => new YamlNumber(n);
    public static implicit operator YamlNode(bool b) => new YamlBool(b);
}

public sealed record YamlString(string Value) : YamlNode;
public sealed record YamlNumber(long Value) : YamlNode;
public sealed record YamlBool(bool Value) : YamlNode;

/// <summary>A mapping; keys keep their order (Ansible reads "name" first more easily, and goldens stay stable).</summary>
public sealed record YamlMap(ImmutableArray<KeyValuePair<string, YamlNode>> Entries) : YamlNode
{
    public static YamlMap Of(params (string Key, YamlNode? Value)[] entries) =>
        new([.. entries.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, YamlNode>(e.Key, e.Value!))]);

    public YamlMap With(string key, YamlNode? value) => value is null ? this : new([.. Entries, new(key, value)]);

    public bool Equals(YamlMap? other) => other is not null && YamlEmitter.Write(this) == YamlEmitter.Write(other);
    public override int GetHashCode() => Entries.Length;
}

public sealed record YamlList(ImmutableArray<YamlNode> Items) : YamlNode
{
    public static YamlList Of(params YamlNode[] items) => new([.. items]);
    public static YamlList Strings(IEnumerable<string> items) => new([.. items.Select(i => (YamlNode)i)]);

    public bool Equals(YamlList? other) => other is not null && YamlEmitter.Write(this) == YamlEmitter.Write(other);
    public override int GetHashCode() => Items.Length;
}

/// <summary>Block-style YAML: two-space indents, "- " items, empty collections as [] and {}.</summary>
public static class YamlEmitter
{
    public static string Write(YamlNode root, string? leadingComment = null)
    {
        var sb = new StringBuilder();
        if (leadingComment is not null)
            foreach (var line in leadingComment.Split('\n'))
                sb.Append("# ").Append(line.Replace("\r", "", StringComparison.Ordinal)).Append('\n');
        sb.Append("---\n");
        WriteBlock(sb, root, 0);
        return sb.ToString();
    }

    private static void WriteBlock(StringBuilder sb, YamlNode node, int indent)
    {
        switch (node)
        {
            case YamlMap { Entries.Length: > 0 } m:
                foreach (var (k, v) in m.Entries)
                {
                    sb.Append(' ', indent).Append(Key(k)).Append(':');
                    WriteValue(sb, v, indent);
                }
                break;
            case YamlList { Items.Length: > 0 } l:
                foreach (var item in l.Items)
                {
                    sb.Append(' ', indent).Append('-');
                    if (item is YamlMap { Entries.Length: > 0 } im)
                    {
                        // "- key: value" with the rest of the map aligned under the first key.
                        var first = true;
                        foreach (var (k, v) in im.Entries)
                        {
                            if (first) sb.Append(' ');
                            else sb.Append(' ', indent + 2);
                            sb.Append(Key(k)).Append(':');
                            WriteValue(sb, v, indent + 2);
                            first = false;
                        }
                    }
                    else WriteValue(sb, item, indent);
                }
                break;
            default:
                sb.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, YamlNode v, int indent)
    {
        // A list of scalars (an argv) reads best on one line: ["ip", "link", "set", ...].
        if (v is YamlList { Items.Length: > 0 } flat && flat.Items.All(i => i is YamlString or YamlNumber or YamlBool))
            sb.Append(" [").Append(string.Join(", ", flat.Items.Select(Scalar))).Append("]\n");
        else if (v is YamlMap { Entries.Length: > 0 } or YamlList { Items.Length: > 0 })
        {
            sb.Append('\n');
            WriteBlock(sb, v, indent + 2);
        }
        else sb.Append(' ').Append(Scalar(v)).Append('\n');
    }

    private static string Scalar(YamlNode node) => node switch
    {
        YamlString s => Quote(s.Value),
        YamlNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
        YamlBool b => b.Value ? "true" : "false",
        YamlMap => "{}",
        YamlList => "[]",
        _ => throw new InvalidOperationException($"unknown YAML node {node.GetType().Name}"),
    };

    /// <summary>Keys are NetTui's own (module and option names, inventory host names); plain when safe, else quoted.</summary>
    private static string Key(string k) =>
        k.Length > 0 && k.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') && char.IsAsciiLetter(k[0]) ? k : Quote(k);

    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
