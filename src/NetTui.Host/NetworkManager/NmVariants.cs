using System.Collections.Immutable;
using NetTui.Core.Persisting;
using Tmds.DBus.Protocol;

namespace NetTui.Host.NetworkManager;

/// <summary>
/// <see cref="NmValue"/> ↔ Tmds.DBus <see cref="VariantValue"/>, and a{sa{sv}} in and out of
/// messages. aa{sv} must be written as Array&lt;Dict&lt;string, VariantValue&gt;&gt;: an
/// Array&lt;VariantValue&gt; would go out as "av", which NetworkManager rejects.
/// </summary>
internal static class NmVariants
{
    public static VariantValue? ToVariant(NmValue v)
    {
        switch (v)
        {
            case NmString s: return (VariantValue)s.Value;
            case NmUInt32 u: return (VariantValue)u.Value;
            case NmInt32 i: return (VariantValue)i.Value;
            case NmBool b: return (VariantValue)b.Value;
            case NmStringArray a: return VariantValue.Array(a.Values.ToArray());
            case NmStringMap m: return (VariantValue)new Dict<string, string>(m.Values.ToDictionary(kv => kv.Key, kv => kv.Value));
            // An empty aa{sv} does not serialise correctly (the bus drops the connection); absent means empty.
            case NmDictArray { Items.Length: 0 }: return null;
            case NmDictArray a: return (VariantValue)new Array<Dict<string, VariantValue>>(a.Items.Select(ToDict));
            case NmUInt64 t: return (VariantValue)t.Value;
            case NmBytes b: return VariantValue.Array(b.Values.ToArray());
            case NmUInt32Array a: return VariantValue.Array(a.Values.ToArray());
            // Opaque values are not echoed: a read value of some shapes (struct arrays) does not
            // serialise back correctly, and the bus drops a connection that sends a bad message.
            default: return null;
        }
    }

    private static Dict<string, VariantValue> ToDict(ImmutableSortedDictionary<string, NmValue> item)
    {
        var d = new Dict<string, VariantValue>();
        foreach (var (k, v) in item)
            if (ToVariant(v) is { } vv) d.Add(k, vv);
        return d;
    }

    public static NmValue FromVariant(VariantValue v)
    {
        while (v.Type == VariantValueType.Variant) v = v.GetVariantValue();
        switch (v.Type)
        {
            case VariantValueType.String: return new NmString(v.GetString());
            case VariantValueType.UInt32: return new NmUInt32(v.GetUInt32());
            case VariantValueType.Int32: return new NmInt32(v.GetInt32());
            case VariantValueType.Bool: return new NmBool(v.GetBool());
            case VariantValueType.UInt64: return new NmUInt64(v.GetUInt64());
            case VariantValueType.Array when v.ItemType == VariantValueType.Byte:
                return new NmBytes([.. v.GetArray<byte>()]);
            case VariantValueType.Array when v.ItemType == VariantValueType.UInt32:
                return new NmUInt32Array([.. v.GetArray<uint>()]);
            case VariantValueType.Array when v.ItemType == VariantValueType.String:
                return new NmStringArray([.. v.GetArray<string>()]);
            case VariantValueType.Array when v.ItemType == VariantValueType.Dictionary:
                {
                    var items = ImmutableArray.CreateBuilder<ImmutableSortedDictionary<string, NmValue>>();
                    for (var i = 0; i < v.Count; i++)
                    {
                        var item = v.GetItem(i);
                        var b = ImmutableSortedDictionary.CreateBuilder<string, NmValue>(StringComparer.Ordinal);
                        for (var j = 0; j < item.Count; j++)
                        {
                            var kv = item.GetDictionaryEntry(j);
                            b[kv.Key.GetString()] = FromVariant(kv.Value);
                        }
                        items.Add(b.ToImmutable());
                    }
                    return new NmDictArray(items.ToImmutable());
                }
            case VariantValueType.Dictionary when v.KeyType == VariantValueType.String && v.ValueType == VariantValueType.String:
                {
                    var b = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                    for (var j = 0; j < v.Count; j++)
                    {
                        var kv = v.GetDictionaryEntry(j);
                        b[kv.Key.GetString()] = kv.Value.GetString();
                    }
                    return new NmStringMap(b.ToImmutable());
                }
            default:
                return new NmOpaque(SafeText(v)) { Raw = v };
        }
    }

    private static string SafeText(VariantValue v)
    {
        try { return v.ToString(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException) { return v.Type.ToString(); }
    }

    /// <summary>
    /// Writes a{sa{sv}} value by value with the writer's own primitives (not through
    /// VariantValue containers, which produced messages the bus rejected for aa{sv} lists).
    /// Properties whose value cannot be sent (opaque, empty lists) are left out: NetworkManager
    /// takes an absent property as its default (empty).
    /// </summary>
    public static void WriteSettings(ref MessageWriter w, NmSettings settings)
    {
        var outer = w.WriteDictionaryStart();
        foreach (var (section, props) in settings.Sections)
        {
            w.WriteDictionaryEntryStart();
            w.WriteString(section);
            var inner = w.WriteDictionaryStart();
            foreach (var (k, v) in props)
            {
                if (!CanWrite(v)) continue;
                w.WriteDictionaryEntryStart();
                w.WriteString(k);
                WriteVariant(ref w, v);
            }
            w.WriteDictionaryEnd(inner);
        }
        w.WriteDictionaryEnd(outer);
    }

    private static bool CanWrite(NmValue v) => v switch
    {
        NmOpaque => false,
        NmDictArray { Items.Length: 0 } => false,
        NmDictArray a => a.Items.All(i => i.Values.All(x => x is NmString or NmUInt32 or NmInt32 or NmBool or NmUInt64)),
        _ => true,
    };

    private static void WriteVariant(ref MessageWriter w, NmValue v)
    {
        switch (v)
        {
            case NmString s: w.WriteVariantString(s.Value); break;
            case NmUInt32 u: w.WriteVariantUInt32(u.Value); break;
            case NmInt32 i: w.WriteVariantInt32(i.Value); break;
            case NmBool b: w.WriteVariantBool(b.Value); break;
            case NmUInt64 t: w.WriteVariantUInt64(t.Value); break;
            case NmStringArray a: w.WriteSignature("as"); w.WriteArray(a.Values.ToArray()); break;
            case NmBytes b: w.WriteSignature("ay"); w.WriteArray(b.Values.ToArray()); break;
            case NmUInt32Array a: w.WriteSignature("au"); w.WriteArray(a.Values.ToArray()); break;
            case NmStringMap m:
                {
                    w.WriteSignature("a{ss}");
                    var d = w.WriteDictionaryStart();
                    foreach (var (k, x) in m.Values)
                    {
                        w.WriteDictionaryEntryStart();
                        w.WriteString(k);
                        w.WriteString(x);
                    }
                    w.WriteDictionaryEnd(d);
                    break;
                }
            case NmDictArray a:
                {
                    w.WriteSignature("aa{sv}");
                    var arr = w.WriteArrayStart(DBusType.Array);
                    foreach (var item in a.Items)
                    {
                        var d = w.WriteDictionaryStart();
                        foreach (var (k, x) in item)
                        {
                            w.WriteDictionaryEntryStart();
                            w.WriteString(k);
                            WriteVariant(ref w, x);
                        }
                        w.WriteDictionaryEnd(d);
                    }
                    w.WriteArrayEnd(arr);
                    break;
                }
            default:
                throw new NotSupportedException($"cannot send a {v.GetType().Name} to NetworkManager");
        }
    }

    public static NmSettings ReadSettings(ref Reader r)
    {
        var sections = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, NmValue>>(StringComparer.Ordinal);
        var end = r.ReadDictionaryStart();
        while (r.HasNext(end))
        {
            var name = r.ReadString();
            var props = r.ReadDictionaryOfStringToVariantValue();
            var b = ImmutableSortedDictionary.CreateBuilder<string, NmValue>(StringComparer.Ordinal);
            foreach (var (k, v) in props) b[k] = FromVariant(v);
            sections[name] = b.ToImmutable();
        }
        return new NmSettings(sections.ToImmutable());
    }
}
