namespace NetTui.Core.Values;

/// <summary>
/// A Linux interface name as the kernel accepts it (dev_valid_name): 1-15 bytes, not "." or
/// "..", no '/', ':' or whitespace. NetTui is stricter and allows only printable ASCII
/// letters, digits and "-_.@+" so a name can never carry shell or OVSDB syntax
/// (`br0;reboot`, `$(id)`), even though argv never reaches a shell, and refuses words ip or
/// ovs-vsctl read as syntax (<see cref="NameRules"/>).
/// </summary>
public sealed record InterfaceName
{
    public const int MaxBytes = 15;

    public string Value { get; }

    private InterfaceName(string value) => Value = value;

    public static Parsed<InterfaceName> Parse(string? text, string field = "name")
    {
        if (string.IsNullOrEmpty(text)) return Parsed<InterfaceName>.Fail(field, "an interface name is required");
        if (text is "." or "..") return Parsed<InterfaceName>.Fail(field, $"'{text}' is not a valid interface name");
        if (text.Length > MaxBytes || System.Text.Encoding.UTF8.GetByteCount(text) > MaxBytes)
            return Parsed<InterfaceName>.Fail(field, $"'{Printable(text)}' is longer than {MaxBytes} bytes");
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or '+') continue;
            var what = c switch
            {
                '/' => "'/'",
                ':' => "':'",
                _ when char.IsWhiteSpace(c) => "whitespace",
                _ when c < 0x20 || c > 0x7e => $"the character U+{(int)c:X4}",
                _ => $"'{c}'",
            };
            return Parsed<InterfaceName>.Fail(field, $"'{Printable(text)}' is not a valid interface name: it contains {what}");
        }
        if (NameRules.Refusal(text) is { } why) return Parsed<InterfaceName>.Fail(field, why);
        return Parsed<InterfaceName>.Success(new InterfaceName(text));
    }

    /// <summary>The name with control characters (C0, C1, DEL) made visible, for error messages.</summary>
    internal static string Printable(string s) => Text.TerminalText.Escape(s);

    public override string ToString() => Value;
}
