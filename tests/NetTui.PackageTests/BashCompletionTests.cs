using NetTui.Cli.Docs;
using NetTui.Lab;

namespace NetTui.PackageTests;

/// <summary>
/// The generated bash completion, run in a real bash: after every verb path it offers that
/// path's subcommands, after "--" its options (the root's recursive ones included), and
/// an option's value does not count as a verb.
/// </summary>
public sealed class BashCompletionTests
{
    private static readonly System.CommandLine.RootCommand Root = TreeSample.Root();

    [Fact]
    public async Task Every_path_completes_to_its_subcommands_and_options()
    {
        var commands = TreeSample.Commands(Root);
        var cases = new List<(string Line, string[] Expected)>
        {
            ("nettui ", [.. Root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)]),
            ("nettui --netns lab1 ovs ", ["bridge", "gre", "port"]),  // --netns's value is not a verb
            ("nettui show ", ["all", "links", "routes"]),             // show's fixed parts
            ("nettui ovs bridge add br0 --d", ["--datapath", "--dry-run", "--docker-host"]),
        };
        foreach (var c in commands)
        {
            var subcommands = c.Command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name).ToArray();
            if (subcommands.Length > 0) cases.Add(($"nettui {c.PathText} ", subcommands));
            cases.Add(($"nettui {c.PathText} --", [.. c.Options.Select(o => o.Name)]));
        }

        var replies = await CompleteAsync(cases.Select(c => c.Line).ToList());
        foreach (var (line, expected) in cases)
        {
            var missing = expected.Except(replies[line]).ToList();
            Assert.True(missing.Count == 0, $"completing \"{line}\" does not offer {string.Join(", ", missing)} (got: {string.Join(" ", replies[line])})");
        }
        Assert.DoesNotContain("watchdog", replies["nettui "]);
        Assert.DoesNotContain("bridge", replies["nettui show "]);
    }

    /// <summary>Sources the script in bash and completes each line (the cursor at its end).</summary>
    private static async Task<Dictionary<string, string[]>> CompleteAsync(IReadOnlyList<string> lines)
    {
        var dir = Directory.CreateTempSubdirectory("nettui-completion-");
        try
        {
            var script = Path.Combine(dir.FullName, "nettui");
            await File.WriteAllTextAsync(script, BashCompletion.Render(Root));
            var driver = Path.Combine(dir.FullName, "driver.sh");
            await File.WriteAllLinesAsync(driver, [
                $"source {script}",
                "while IFS= read -r line; do",
                "  read -ra COMP_WORDS <<< \"$line\"; [[ $line == *' ' ]] && COMP_WORDS+=('')",
                "  COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _nettui",
                "  echo \"${COMPREPLY[*]}\"",
                $"done < {dir.FullName}/lines",
            ]);
            await File.WriteAllLinesAsync(Path.Combine(dir.FullName, "lines"), lines);
            var r = (await LabExec.RunAsync(["bash", "--norc", "--noprofile", driver], null, TimeSpan.FromSeconds(30))).EnsureSuccess();
            var outputs = r.StandardOutput.Split('\n');
            Assert.True(outputs.Length > lines.Count - 1, $"bash printed {outputs.Length} lines for {lines.Count}: {r.StandardError}");
            return lines.Select((l, i) => (l, outputs[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToDictionary(p => p.l, p => p.Item2);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
