using System.Collections.Immutable;
using NetTui.Core.Commands;

namespace NetTui.Core.Operations;

/// <summary>Shorthands for building plan steps.</summary>
internal static class Steps
{
    public static CommandStep Run(string description, CommandSpec @do, CommandSpec? undo, string? classic = null) =>
        new(description, @do, undo is null ? [] : [undo], classic);

    public static CommandStep Run(string description, CommandSpec @do, IEnumerable<CommandSpec> undo, string? classic = null) =>
        new(description, @do, [.. undo], classic);

    /// <summary>Argument list with optional "name value" pairs, skipping the nulls.</summary>
    public static string[] Args(params string?[] parts)
    {
        var list = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is null) continue;
            list.Add(parts[i]!);
        }
        return [.. list];
    }

    /// <summary>"name value" when value is set, nothing otherwise.</summary>
    public static IEnumerable<string> Pair(string name, object? value) =>
        value is null ? [] : [name, value.ToString()!];
}
