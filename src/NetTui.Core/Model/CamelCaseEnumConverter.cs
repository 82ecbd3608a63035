using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetTui.Core.Model;

/// <summary>
/// An enum written as its camelCase name ("inet6", "networkManager"), as every NetTui JSON
/// document has it. Put on the enum type (<c>[JsonConverter(typeof(CamelCaseEnumConverter&lt;E&gt;))]</c>):
/// the generic converter needs no run-time code generation, which the native binary cannot do
/// (the non-generic JsonStringEnumConverter in the options would need it).
/// </summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
