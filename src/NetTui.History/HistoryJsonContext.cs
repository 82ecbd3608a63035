using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NetTui.History;

/// <summary>
/// Compile-time JSON metadata for what the journal stores as JSON text: fact sets (a flat
/// string map) and command argv arrays. Default (not web) options, as the rows were always written.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(ImmutableSortedDictionary<string, string>))]
[JsonSerializable(typeof(ImmutableArray<string>))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
