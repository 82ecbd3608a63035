namespace NetTui.Core.Values;

/// <summary>
/// A network namespace name as `ip netns` keeps them, /run/netns/NAME: letters, digits and
/// -_. up to 64, not "." or "..". Anything else could point NetTui (which enters the
/// namespace through that path, as root) at another file: `../x`, `/proc/1/ns/net`.
/// </summary>
public static class NetnsName
{
    public const int MaxLength = 64;

    /// <summary>Why TEXT cannot be a namespace name, or null when it can.</summary>
    public static string? Refusal(string text)
    {
        if (text.Length is 0 or > MaxLength || text is "." or ".." || text.StartsWith('-')
            || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return $"'{InterfaceName.Printable(text)}' is not a namespace name (letters, digits, -_. up to {MaxLength}, as in /run/netns/NAME)";
        return null;
    }
}
