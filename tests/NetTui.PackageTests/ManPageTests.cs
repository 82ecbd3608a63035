using System.Text.RegularExpressions;
using NetTui.Cli.Docs;
using NetTui.Lab;

namespace NetTui.PackageTests;

/// <summary>
/// nettui(8) is written from the command tree, so it cannot drift: every visible verb has
/// its section with its own options, the recursive ones are under GLOBAL OPTIONS, hidden
/// verbs stay out, and groff renders the page without a warning.
/// </summary>
public sealed class ManPageTests
{
    private static readonly System.CommandLine.RootCommand Root = TreeSample.Root();
    private static readonly string Page = ManPage.Render(Root, "9.8.7");

    [Fact]
    public void Every_visible_verb_has_a_section_listing_its_arguments_and_options()
    {
        var sections = Sections(Page);
        var globals = CommandTree.GlobalOptions(Root).Select(o => o.Name).ToHashSet();
        var commands = TreeSample.Commands(Root);
        Assert.Contains(commands, c => c.PathText == "ovs bridge add"); // the walk goes all the way down
        foreach (var command in commands)
        {
            Assert.True(sections.TryGetValue(command.Usage, out var body), $"no section \"{command.Usage}\" in the man page");
            foreach (var option in command.Options.Where(o => !globals.Contains(o.Name)))
                Assert.True(body.Contains(option.Name), $"`nettui {command.PathText}`: {option.Name} is missing from its section");
            foreach (var argument in command.Command.Arguments.Where(a => !a.Hidden))
                Assert.Contains(argument.HelpName ?? argument.Name.ToUpperInvariant(), body);
        }
        Assert.Equal(commands.Count, sections.Count);
    }

    [Fact]
    public void Global_and_root_options_are_described_once_and_hidden_verbs_are_left_out()
    {
        var text = Plain(Page);
        var global = Between(text, ".SH GLOBAL OPTIONS", ".SH OPTIONS");
        foreach (var option in CommandTree.GlobalOptions(Root)) Assert.Contains(option.Name, global);
        Assert.Contains("--netns", global);
        var rootOnly = Between(text, ".SH OPTIONS", ".SH COMMANDS");
        foreach (var option in CommandTree.RootOnlyOptions(Root)) Assert.Contains(option.Name, rootOnly);
        Assert.Contains("--theme", rootOnly);

        Assert.Contains(Root.Subcommands, c => c.Hidden && c.Name == "watchdog");
        Assert.DoesNotContain("nettui watchdog", text);
        Assert.DoesNotContain("__", text);
        Assert.StartsWith(".TH NETTUI 8 \"\" \"nettui 9.8.7\"", Page);
    }

    [Fact]
    public async Task Groff_renders_the_page_without_warnings()
    {
        var dir = Directory.CreateTempSubdirectory("nettui-man-");
        try
        {
            var file = Path.Combine(dir.FullName, "nettui.8");
            await File.WriteAllTextAsync(file, Page, TestContext.Current.CancellationToken);
            var r = await LabExec.RunAsync(["groff", "-man", "-Tutf8", "-ww", "-rLL=100n", file], null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.True(r.ExitCode == 0 && r.StandardError.Length == 0, $"groff: exit {r.ExitCode}\n{r.StandardError}");
            var rendered = Regex.Replace(r.StandardOutput, ".\b", ""); // overstrike (bold) to plain text
            Assert.Contains("GLOBAL OPTIONS", rendered);
            foreach (var verb in Root.Subcommands.Where(c => !c.Hidden)) Assert.Contains($"nettui {verb.Name}", rendered);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(".starts with a dot", "\\&.starts with a dot")]
    [InlineData("'quote", "\\&'quote")]
    [InlineData("C:\\path --x", "C:\\epath \\-\\-x")]
    public void Text_is_escaped_for_roff(string text, string expected) => Assert.Equal(expected, ManPage.Escape(text));

    /// <summary>Each ".SS" section of the page (key: its usage line, unescaped) with its body.</summary>
    private static Dictionary<string, string> Sections(string page)
    {
        var parts = Plain(page).Split("\n.SS \"");
        return parts.Skip(1).ToDictionary(p => p[..p.IndexOf('"')], p => p[(p.IndexOf('"') + 1)..]);
    }

    private static string Plain(string roff) =>
        Regex.Replace(roff.Replace("\\-", "-").Replace("\\e", "\\").Replace("\\&", ""), @"\\f[BIR]", "");

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"no {start} ... {end} in the page");
        return text[from..to];
    }
}
