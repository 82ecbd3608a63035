using System.Collections.Immutable;
using System.Net;
using NetTui.Core.Commands;

namespace NetTui.Core.Doctor;

/// <summary>
/// What fixes a finding: commands run in order (each may have an undo, run in reverse if a
/// later step fails or the admin undoes the fix). Values the Doctor cannot know (a tunnel's
/// remote address) are <see cref="Inputs"/>: the steps carry "{name}" placeholders that
/// <see cref="Bind"/> fills in, so the plan can be previewed before they are known.
/// </summary>
public sealed record FixPlan(
    string Summary,
    ImmutableArray<FixStep> Steps,
    bool Undoable,
    ImmutableArray<FixInput> Inputs = default,
    string? Note = null)
{
    public ImmutableArray<FixInput> Inputs { get; init; } = Inputs.IsDefault ? [] : Inputs;

    public bool NeedsInput => !Inputs.IsEmpty;

    /// <summary>
    /// A fix that is a change of the host's configuration (daemon.json, an MTU) rather than a
    /// repair command: these operations go through the one change path like a CLI verb's
    /// (validated, journaled, verified, undone by `nettui undo` through their inverses), and
    /// <see cref="Steps"/> is empty.
    /// </summary>
    public ImmutableArray<Operations.Operation> Operations { get; init; } = [];

    public bool IsChange => !Operations.IsEmpty;

    /// <summary>The commands as an admin would type them, numbered, with the target namespace.</summary>
    public IEnumerable<string> Preview(NetworkTarget target)
    {
        yield return $"# {Summary}{(target.IsCurrent ? "" : $" (in network namespace {target.Namespace})")}";
        var n = 0;
        foreach (var op in Operations)
            yield return $"{++n,2}. {op.Describe()}";
        foreach (var s in Steps)
        {
            n++;
            var env = s.Do.Environment is { Count: > 0 } e
                ? string.Join(' ', e.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => ShellQuote.Quote($"{kv.Key}={kv.Value}"))) + " "
                : "";
            var where = s.Do.InTargetNamespace || target.IsCurrent ? "" : "    # outside the namespace";
            yield return $"{n,2}. {env}{s.Do.Display}{where}";
        }
        if (!Undoable) yield return "# this fix cannot be undone automatically";
        if (Note is not null) yield return "# " + Note;
    }

    /// <summary>
    /// The plan with every "{name}" replaced by the admin's value. Throws
    /// <see cref="ArgumentException"/> naming the input when a value is missing or malformed.
    /// </summary>
    public FixPlan Bind(IReadOnlyDictionary<string, string> values)
    {
        if (!NeedsInput) return this;
        foreach (var input in Inputs)
        {
            if (!values.TryGetValue(input.Name, out var v) || string.IsNullOrWhiteSpace(v))
                throw new ArgumentException($"this fix needs {input.Name}: {input.Prompt}");
            if (input.Validate(v.Trim()) is { } problem)
                throw new ArgumentException($"{input.Name}: {problem}");
        }
        string Fill(string arg)
        {
            foreach (var input in Inputs)
                arg = arg.Replace("{" + input.Name + "}", values[input.Name].Trim(), StringComparison.Ordinal);
            return arg;
        }
        FixStep BindStep(FixStep s) => s with
        {
            Description = Fill(s.Description),
            Do = s.Do with { Arguments = [.. s.Do.Arguments.Select(Fill)] },
            Undo = s.Undo is null ? null : s.Undo with { Arguments = [.. s.Undo.Arguments.Select(Fill)] },
        };
        return this with { Summary = Fill(Summary), Steps = [.. Steps.Select(BindStep)], Inputs = [] };
    }
}

/// <summary>One command of a fix and the command that takes it back (null: nothing to take back, or cannot).</summary>
public sealed record FixStep(string Description, CommandSpec Do, CommandSpec? Undo = null)
{
    /// <summary>
    /// Set for a step that `nettui undo` must not take back, in the admin's words ("starting
    /// ovsdb-server"): the fix repaired the host, and other changes now rely on it (stopping
    /// the OVS database would cut every OVS port). <see cref="Undo"/> is still what the fix
    /// runs when a LATER step of the same fix fails, when nothing relies on it yet.
    /// </summary>
    public string? KeptOnUndo { get; init; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<FixInputKind>))]
public enum FixInputKind { IPv4Address, IPv4Prefix }

/// <summary>A value the admin must give before a fix can run.</summary>
public sealed record FixInput(string Name, string Prompt, FixInputKind Kind)
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else why not.</summary>
    public string? Validate(string value) => Kind switch
    {
        FixInputKind.IPv4Address => IPAddress.TryParse(value, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3
            ? null : $"'{value}' is not an IPv4 address",
        FixInputKind.IPv4Prefix => Subnets.TryParse(value, out var p) && p.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Contains('/')
            ? null : $"'{value}' is not an IPv4 address with a prefix length (like 192.168.1.1/24)",
        _ => null,
    };
}
