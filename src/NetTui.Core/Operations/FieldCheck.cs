using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>Collects the field errors of one operation while parsing its fields into value types.</summary>
internal sealed class FieldCheck
{
    public List<ValueError> Errors { get; } = [];

    public T? Need<T>(Parsed<T> p) where T : class
    {
        if (!p.Ok) Errors.Add(p.Error!);
        return p.Value;
    }

    public T? Maybe<T>(string? text, Func<string?, string, Parsed<T>> parse, string field) where T : class =>
        text is null ? null : Need(parse(text, field));

    public T NeedValue<T>(Parsed<T> p) where T : struct
    {
        if (!p.Ok) Errors.Add(p.Error!);
        return p.Value;
    }

    public void Add(string field, string message) => Errors.Add(new ValueError(field, message));
}
