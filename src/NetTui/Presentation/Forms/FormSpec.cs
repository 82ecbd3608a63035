using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Presentation.Forms;

/// <summary>How a form field is edited: free text, one of the host's objects, or one of a few words.</summary>
public enum FieldKind
{
    Text,
    /// <summary>An existing object (bridge, interface, address); Up/Down cycle through <see cref="FormField.Options"/>, typing is allowed.</summary>
    Picker,
    /// <summary>One of a few words (on/off, up/down, system/netdev); Up/Down cycle.</summary>
    Choice,
}

/// <summary>
/// One field of a form. <see cref="Name"/> is the field name the operation reports errors
/// under (ValueError.Field), so a message lands under the field it is about.
/// </summary>
public sealed record FormField(string Name, string Label, FieldKind Kind = FieldKind.Text, string Default = "",
    IReadOnlyList<string>? Options = null, bool Optional = false)
{
    public IReadOnlyList<string> Choices => Options ?? [];

    /// <summary>The option after (or before) <paramref name="current"/>, wrapping; the first one when current is not an option.</summary>
    public string Cycle(string current, int step)
    {
        if (Choices.Count == 0) return current;
        var i = -1;
        for (var k = 0; k < Choices.Count; k++) if (Choices[k] == current) i = k;
        if (i < 0) return Choices[step > 0 ? 0 : Choices.Count - 1];
        return Choices[((i + step) % Choices.Count + Choices.Count) % Choices.Count];
    }

    public string Hint => Kind == FieldKind.Text
        ? (Optional ? "optional" : "")
        : Choices.Count == 0 ? "(none on this host)" : "↑↓: " + string.Join(" ", Choices.Take(6)) + (Choices.Count > 6 ? " …" : "");
}

/// <summary>
/// A form for one kind of change: its fields and how their text becomes operations. Pure
/// (no UI): <see cref="Evaluate"/> gives the field errors, the exact commands of the plan
/// and, for destructive changes, what else goes with it.
/// </summary>
public sealed record FormSpec(string Title, IReadOnlyList<FormField> Fields,
    Func<IReadOnlyDictionary<string, string>, IReadOnlyList<Operation>> Build, string ApplyLabel = "Apply")
{
    /// <summary>
    /// Set on forms with a "kind" choice (what `n` creates in Interfaces: bridge or tunnel):
    /// the form to show instead when the kind changes to the given word; null = no such form.
    /// </summary>
    public Func<string, FormSpec?>? KindSwitch { get; init; }

    public Dictionary<string, string> Defaults() => Fields.ToDictionary(f => f.Name, f => f.Default);

    public FormField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <param name="readFile">
    /// Reads a file an operation works on (Docker's daemon.json), so the checks and the
    /// preview see its current text; null = treat such files as absent.
    /// </param>
    /// <param name="persistence">
    /// How this session persists changes (PersistenceLabel): the operations are wrapped in
    /// PersistedOperation when NetworkManager can hold them, and each one's preview starts with
    /// its persistence line. Null = the bare operations and no line (nothing was probed).
    /// </param>
    public FormResult Evaluate(IReadOnlyDictionary<string, string> values, HostSnapshot host, OperationContext? ctx = null,
        Func<string, string?>? readFile = null, PersistenceMode? persistence = null)
    {
        ctx ??= OperationContext.Default;
        IReadOnlyList<Operation> ops;
        try { ops = Build(values); }
        catch (FormError e) { return new FormResult([], [new ValueError(e.Field, e.Message)], [], []); }
        if (persistence is not null) ops = [.. ops.Select(o => PersistenceLabel.Choose(o, persistence))];
        if (readFile is not null)
        {
            // Only paths that pass the operation's own field checks are read (no relative or odd paths).
            foreach (var path in ops.Where(o => o.CheckFields().Count == 0).SelectMany(o => o.FilesToRead(ctx)).Distinct(StringComparer.Ordinal))
                ctx = ctx.WithFile(path, readFile(path));
        }
        var errors = new List<ValueError>();
        foreach (var op in ops) errors.AddRange(op.Validate(host, ctx));
        if (errors.Count > 0) return new FormResult(ops, errors, [], []);
        var preview = new List<string>();
        var consequences = new List<string>();
        var target = new NetworkTarget(host.Namespace);
        foreach (var op in ops)
        {
            try
            {
                var plan = op.Plan(host, ctx);
                var label = persistence is null ? null : PersistenceLabel.For(op, plan, host, persistence);
                if (label is not null) preview.Add("# " + label);
                preview.AddRange(PlanPreview.Lines(op, [.. PersistenceLabel.WithoutLabel(plan, label)], target));
            }
            catch (InvalidOperationException e) { errors.Add(new ValueError("", e.Message)); }
            // What the admin must do afterwards (restart dockerd) belongs before Apply too.
            preview.AddRange(op.Notes(ctx).Select(n => "# then: " + n));
            if (op.IsDestructive) consequences.AddRange(op.Consequences(host));
        }
        return new FormResult(ops, errors, preview, consequences);
    }
}

/// <summary>Thrown by a form's Build for a check of its own (e.g. "nothing to change").</summary>
public sealed class FormError(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>What a form's current text amounts to: the operations, or why not; the preview and consequences.</summary>
public sealed record FormResult(IReadOnlyList<Operation> Operations, IReadOnlyList<ValueError> Errors,
    IReadOnlyList<string> Preview, IReadOnlyList<string> Consequences)
{
    public bool Ok => Errors.Count == 0 && Operations.Count > 0;

    /// <summary>The first message about <paramref name="field"/>, or null.</summary>
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Errors about no field of <paramref name="spec"/> (shown above the preview).</summary>
    public IEnumerable<ValueError> OtherErrors(FormSpec spec) => Errors.Where(e => spec.Field(e.Field) is null);
}
