using System.CommandLine;
using System.Text;

namespace NetTui.Cli.Docs;

/// <summary>
/// nettui(8) in roff (man macros), written from the command tree at build time
/// (`nettui __man`, run by packaging/build-deb.sh): every verb and option in the page is
/// one the binary parses. Only the sections the tree cannot know (exit status, environment,
/// files) are fixed text here.
/// </summary>
public static class ManPage
{
    public static string Render(RootCommand root, string version)
    {
        var page = new StringBuilder();
        page.Append(".TH NETTUI 8 \"\" \"nettui ").Append(Escape(version)).AppendLine("\" \"System Administration\"");
        page.AppendLine(".SH NAME");
        page.Append("nettui \\- ").AppendLine(Escape(root.Description ?? "terminal network manager"));
        page.AppendLine(".SH SYNOPSIS");
        page.AppendLine(".B nettui");
        page.AppendLine("[\\fIOPTIONS\\fR]");
        page.AppendLine(".br");
        page.AppendLine(".B nettui");
        page.AppendLine("\\fICOMMAND\\fR [\\fIARGUMENTS\\fR] [\\fIOPTIONS\\fR]");
        page.AppendLine(".SH DESCRIPTION");
        page.AppendLine("Without a command, \\fBnettui\\fR opens the full-screen interface. The commands below read the host");
        page.AppendLine("(\\fBshow\\fR) or change it through validated operations that print their commands first");
        page.AppendLine("(\\fB\\-\\-dry\\-run\\fR) and verify the result by reading the host again.");

        page.AppendLine(".SH GLOBAL OPTIONS");
        page.AppendLine("Every command takes these.");
        foreach (var option in CommandTree.GlobalOptions(root)) AppendOption(page, option);
        page.AppendLine(".SH OPTIONS");
        page.AppendLine("Options of \\fBnettui\\fR itself (the full-screen interface).");
        foreach (var option in CommandTree.RootOnlyOptions(root)) AppendOption(page, option);

        page.AppendLine(".SH COMMANDS");
        var globals = CommandTree.GlobalOptions(root).Select(o => o.Name).ToHashSet();
        foreach (var entry in CommandTree.Walk(root)) AppendCommand(page, entry, globals);

        page.AppendLine(FixedSections);
        return page.ToString();
    }

    private static void AppendCommand(StringBuilder page, CommandEntry entry, HashSet<string> globals)
    {
        page.Append(".SS \"").Append(Escape(entry.Usage)).AppendLine("\"");
        page.AppendLine(Escape(entry.Command.Description ?? ""));
        var subcommands = entry.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        if (subcommands.Count > 0)
            page.Append(".br\nCommands: ").AppendLine(Escape(string.Join(", ", subcommands)) + ".");
        foreach (var argument in entry.Command.Arguments.Where(a => !a.Hidden))
        {
            page.AppendLine(".TP");
            page.Append("\\fI").Append(Escape(argument.HelpName ?? argument.Name.ToUpperInvariant())).AppendLine("\\fR");
            page.AppendLine(Escape(argument.Description ?? "") + Values(argument));
        }
        foreach (var option in entry.Options.Where(o => !globals.Contains(o.Name))) AppendOption(page, option);
    }

    private static void AppendOption(StringBuilder page, Option option)
    {
        page.AppendLine(".TP");
        page.Append(string.Join(", ", CommandTree.Names(option).Select(n => "\\fB" + Escape(n) + "\\fR")));
        if (CommandTree.TakesValue(option)) page.Append(" \\fI").Append(Escape(CommandTree.ValueName(option))).Append("\\fR");
        page.AppendLine();
        page.AppendLine(Escape(option.Description ?? "") + Values(option));
    }

    private static string Values(Symbol symbol) =>
        CommandTree.FixedValues(symbol) is { Count: > 0 } values ? Escape($" (one of: {string.Join(", ", values)})") : "";

    /// <summary>Text safe in roff: backslashes escaped, dashes as \-, no line starting with a control character.</summary>
    public static string Escape(string text)
    {
        var escaped = text.Replace("\\", "\\e").Replace("-", "\\-").Replace("\n", " ");
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }

    private const string FixedSections = """
        .SH EXIT STATUS
        .TP
        .B 0
        Success (for \fBshow\fR: it ran, even if some sources are down; they are named in the output).
        .TP
        .B 1
        The change failed and nothing is left half-done (for \fBshow\fR: iproute2 itself could not be read).
        .TP
        .B 2
        Usage or validation error; no command was run.
        .SH ENVIRONMENT
        .TP
        .B NETTUI_LOG
        Log file (the \fB\-\-log\-file\fR default).
        .TP
        .B NETTUI_HISTORY
        History database of changes (the \fB\-\-history\fR default).
        .TP
        .B OVS_RUNDIR
        Directory of the OVSDB socket \fBdb.sock\fR (the \fB\-\-ovs\-db\fR default).
        .TP
        .B DOCKER_HOST
        Docker API socket (the \fB\-\-docker\-host\fR default).
        .TP
        .B DBUS_SYSTEM_BUS_ADDRESS
        The system bus on which NetworkManager is asked.
        .SH FILES
        .TP
        .I /var/lib/nettui/history.db
        History of changes (as root).
        .TP
        .I /var/log/nettui/nettui.log
        Log (as root).
        .SH SEE ALSO
        .BR ip (8),
        .BR bridge (8),
        .BR ovs\-vsctl (8),
        .BR nmcli (1),
        .BR docker (1)
        """;
}
