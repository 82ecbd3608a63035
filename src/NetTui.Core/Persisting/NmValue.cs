using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NetTui.Core.Persisting;

/// <summary>
/// A NetworkManager setting value with its D-Bus type, so Core can build profiles without a
/// D-Bus library. Only the types NetTui writes: s, u, i, b, as, a{ss} (user data) and
/// aa{sv} (address-data, route-data). The Host layer turns these into Tmds.DBus variants.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "t")]
[JsonDerivedType(typeof(NmString), "s")]
[JsonDerivedType(typeof(NmUInt32), "u")]
[JsonDerivedType(typeof(NmInt32), "i")]
[JsonDerivedType(typeof(NmBool), "b")]
[JsonDerivedType(typeof(NmStringArray), "as")]
[JsonDerivedType(typeof(NmStringMap), "a{ss}")]
[JsonDerivedType(typeof(NmDictArray), "aa{sv}")]
[JsonDerivedType(typeof(NmUInt64), "t")]
[JsonDerivedType(typeof(NmBytes), "ay")]
[JsonDerivedType(typeof(NmUInt32Array), "au")]
[JsonDerivedType(typeof(NmOpaque), "opaque")]
public abstract record NmValue
{
    /// <summary>The D-Bus signature of the value.</summary>
    [JsonIgnore] public abstract string Signature { get; }

    public static implicit operator NmValue(string s) => new NmString(s);
    public static implicit operator NmValue(uint u) => new NmUInt32(u);
    public static implicit operator NmValue(bool b) => new NmBool(b);
}

public sealed record NmString(string Value) : NmValue
{
    public override string Signature => "s";
    public override string ToString() => Value;
}

public sealed record NmUInt32(uint Value) : NmValue
{
    public override string Signature => "u";
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record NmInt32(int Value) : NmValue
{
    public override string Signature => "i";
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record NmBool(bool Value) : NmValue
{
    public override string Signature => "b";
    public override string ToString() => Value ? "true" : "false";
}

public sealed record NmStringArray(ImmutableArray<string> Values) : NmValue
{
    public override string Signature => "as";
    public bool Equals(NmStringArray? other) => other is not null && Values.SequenceEqual(other.Values);
    public override int GetHashCode() => Values.Length;
    public override string ToString() => string.Join(",", Values);
}

/// <summary>a{ss}: NetworkManager's user.data.</summary>
public sealed record NmStringMap(ImmutableSortedDictionary<string, string> Values) : NmValue
{
    public override string Signature => "a{ss}";
    public bool Equals(NmStringMap? other) => other is not null && Values.SequenceEqual(other.Values);
    public override int GetHashCode() => Values.Count;
    public override string ToString() => string.Join(",", Values.Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>aa{sv}: a list of dictionaries (ipv4.address-data, ipv4.route-data).</summary>
public sealed record NmDictArray(ImmutableArray<ImmutableSortedDictionary<string, NmValue>> Items) : NmValue
{
    public override string Signature => "aa{sv}";
    public bool Equals(NmDictArray? other) =>
        other is not null && Items.Length == other.Items.Length && Items.Zip(other.Items).All(p => p.First.SequenceEqual(p.Second));
    public override int GetHashCode() => Items.Length;
    public override string ToString() => "[" + string.Join("; ", Items.Select(d => string.Join(",", d.Select(kv => $"{kv.Key}={kv.Value}")))) + "]";
}

/// <summary>
/// A value NetTui does not interpret (the deprecated addresses/routes forms, IPv6 DNS...):
/// shown, but not sent back by an update (NetworkManager keeps its default, or derives the
/// deprecated forms from address-data/route-data). <see cref="Raw"/> is the D-Bus library's value.
/// </summary>
public sealed record NmOpaque(string Text) : NmValue
{
    public override string Signature => "?";
    [JsonIgnore] public object? Raw { get; init; }
    public override string ToString() => Text;
}

public sealed record NmUInt64(ulong Value) : NmValue
{
    public override string Signature => "t";
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>ay: MAC addresses, SSIDs.</summary>
public sealed record NmBytes(ImmutableArray<byte> Values) : NmValue
{
    public override string Signature => "ay";
    public bool Equals(NmBytes? other) => other is not null && Values.SequenceEqual(other.Values);
    public override int GetHashCode() => Values.Length;
    public override string ToString() => string.Join(":", Values.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>au: IPv4 DNS servers.</summary>
public sealed record NmUInt32Array(ImmutableArray<uint> Values) : NmValue
{
    public override string Signature => "au";
    public bool Equals(NmUInt32Array? other) => other is not null && Values.SequenceEqual(other.Values);
    public override int GetHashCode() => Values.Length;
    public override string ToString() => string.Join(",", Values);
}
