using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetTui.Bench;

/// <summary>One target of the benchmark's issue, as measured in this run.</summary>
public sealed record TargetResult(string Target, string Measured, bool Met);

/// <summary>The report's JSON, source-generated like every other document NetTui writes (no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true,
    // A measurement that did not happen is NaN, written as "NaN" rather than failing the report.
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(List<Result>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<TargetResult>))]
internal sealed partial class BenchJson : JsonSerializerContext;
