using System.Text;
using NetTui.Core.Text;

namespace NetTui.Cli.Render;

/// <summary>
/// The CLI's stdout and stderr: everything written passes <see cref="TerminalText"/>, so no
/// renderer or message can forget to escape host text (NetTui's own newlines and tabs stay).
/// Tables escape their cells themselves too, so that columns still line up.
/// </summary>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    /// <summary>The writer underneath, for output that is escaped by construction (JSON streamed as bytes).</summary>
    public TextWriter Inner { get; } = inner;

    public static TextWriter Wrap(TextWriter writer) => writer as TerminalSafeWriter ?? new TerminalSafeWriter(writer);

    public override Encoding Encoding => Inner.Encoding;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; keep the base's contract.
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (TerminalText.IsSafeOutput([value])) Inner.Write(value);
        else Inner.Write(TerminalText.EscapeKeepingLayout([value]));
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (TerminalText.IsSafeOutput(buffer)) Inner.Write(buffer);
        else Inner.Write(TerminalText.EscapeKeepingLayout(buffer));
    }

    public override void WriteLine(string? value) { Write(value); Inner.WriteLine(); }

    public override void WriteLine(ReadOnlySpan<char> buffer) { Write(buffer); Inner.WriteLine(); }

    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }

    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        WriteLine(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync() { Inner.WriteLine(); return Task.CompletedTask; }

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync() => Inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);
}
