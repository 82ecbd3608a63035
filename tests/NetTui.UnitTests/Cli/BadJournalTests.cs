using NetTui.Cli;
using NetTui.Core.Model;
using NetTui.UnitTests.History;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Cli;

/// <summary>
/// A history file NetTui cannot use is refused by every entry point of the command line the same
/// way: one line naming the file and what to do, exit 1, no stack trace, and nothing run on the
/// host. (The TUI's forms: TuiChangePathTests.)
/// </summary>
public sealed class BadJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nettui-badjournal-").FullName;
    private readonly RecordingRunner _runner = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The kinds of bad file: not a database, a directory where the file should be, a place nothing can be created (read-only).</summary>
    public static TheoryData<string> Kinds => ["not-a-database", "a-directory", "read-only"];

    private string BadHistory(string kind)
    {
        switch (kind)
        {
            case "not-a-database":
                var text = Path.Combine(_dir, "history.db");
                File.WriteAllText(text, "these are notes, not a database\n" + new string('#', 8192));
                return text;
            case "a-directory":
                var dir = Path.Combine(_dir, "history.db");
                Directory.CreateDirectory(dir);
                return dir;
            default:
                // /proc refuses new directories even to root: as good as a read-only disk.
                return "/proc/nettui-test/history.db";
        }
    }

    private Task<(int Code, string Out, string Err)> Run(string history, params string[] args) => Run(history, ["--netns", "ntl-unit"], args);

    private async Task<(int Code, string Out, string Err)> Run(string history, string[] target, string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var ctx = new CliContext(o, e)
        {
            Parts = TestChanges.Parts(_runner, new FakeInventory(TestHost.Basic())),
            Interactive = false,
            Ask = null,
        };
        var code = await NetTuiCli.RunAsync([.. target, "--history", history, "--log-file", "/nonexistent-dir/nettui.log", .. args], ctx, Ct);
        return (code, o.ToString(), e.ToString());
    }

    private void AssertRefused((int Code, string Out, string Err) r, string history)
    {
        Assert.True(r.Code == 1, $"exit {r.Code}: {r.Err}");
        var line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(history, line, StringComparison.Ordinal);
        Assert.Contains("--history", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_change_verb_refuses(string kind)
    {
        var history = BadHistory(kind);
        AssertRefused(await Run(history, "bridge", "add", "br7", "--address", "192.168.70.1/24"), history);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_as_such()
    {
        var history = BadHistory("not-a-database");
        var r = await Run(history, "route", "add", "10.9.0.0/16", "--dev", "eth0");
        AssertRefused(r, history);
        Assert.Contains("not a NetTui history database", r.Err, StringComparison.Ordinal);
        Assert.Contains($"mv {history} {history}.bad", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Apply_refuses(string kind)
    {
        var history = BadHistory(kind);
        var plan = Path.Combine(_dir, "plan.json");
        await File.WriteAllTextAsync(plan, """[ { "op": "bridge.add", "name": "br7" } ]""", Ct);
        AssertRefused(await Run(history, "apply", plan), history);
    }

    [Theory]
    [InlineData("undo", "--yes")]
    [InlineData("redo", "--yes")]
    [InlineData("rollback", "--pending", "--yes")]
    [InlineData("finish", "--yes")]
    [InlineData("confirm")]
    [InlineData("history")]
    public async Task History_verbs_refuse(params string[] args)
    {
        var history = BadHistory("not-a-database");
        AssertRefused(await Run(history, args), history);
    }

    [Fact]
    public async Task Doctor_fix_refuses_naming_the_history_given_on_its_command_line()
    {
        var history = BadHistory("not-a-database");
        // The host's own namespace (the Doctor checks that a named one exists); every command goes to the recording runner anyway.
        var r = await Run(history, [], ["doctor", "--fix", "ovs-server-not-running", "--yes"]);
        AssertRefused(r, history);
    }
}
