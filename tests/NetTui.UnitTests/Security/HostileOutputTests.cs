using System.Collections.Immutable;
using NetTui.Cli;
using NetTui.Cli.Render;
using NetTui.Core.Model;
using NetTui.Core.Plans;
using NetTui.Core.Text;
using NetTui.UnitTests.Cli;
using NetTui.UnitTests.Persistence;

namespace NetTui.UnitTests.Security;

/// <summary>
/// Text other users and containers shape (NM connection ids, OVS port names and option
/// values, Docker names, plan descriptions and messages) reaches the admin's terminal only
/// escaped: no title (OSC 0), clipboard (OSC 52), clear screen or C1 CSI.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class HostileOutputTests
{
    private const string Title = "\u001b]0;owned\u0007";
    private const string Clipboard = "\u001b]52;c;ZXZpbA==\u0007";
    private const string Clear = "\u001b[2J";
    private const string C1Csi = "\u009b31m";

    private static void AssertNoControls(string output)
    {
        foreach (var c in output)
            Assert.False(c < 0x20 && c is not '\n' and not '\t' || c is >= '\u007f' and <= '\u009f',
                $"raw control U+{(int)c:X4} in output:\n{TerminalText.Escape(output)}");
    }

    private static HostSnapshot Hostile()
    {
        var s = SampleSnapshot.Create() with { Namespace = null };
        var ovs = s.Ovs!;
        var port = ovs.Bridges[0].Ports[0];
        var iface = port.Interfaces[0] with { Options = ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["remote_ip"] = Clipboard }) };
        var hostileBridge = ovs.Bridges[0] with
        {
            Name = "br" + Title,
            Ports = [port with { Name = "p" + Clear, Interfaces = [iface with { Name = "i" + C1Csi }] }, .. ovs.Bridges[0].Ports.Skip(1)],
        };
        return NetTui.Core.Persisting.PersistenceAnnotator.Annotate(s with
        {
            // The kernel takes ESC in a name (only '/', ':' and whitespace are refused).
            Links = [.. s.Links.Select(l => l.Index == 5 ? l with { Name = "vc" + Clear } : l)],
            Ovs = ovs with { Bridges = [hostileBridge] },
            Sources = [SourceStatus.Ok(SourceKind.IpRoute2, TimeSpan.Zero), SourceStatus.Ok(SourceKind.Ovs, TimeSpan.Zero)],
            Containers = [s.Containers[0] with { Name = "web" + Title + Clear, Image = "img" + C1Csi }, .. s.Containers.Skip(1)],
            NetworkManager = PlannerTests.Host(PlannerTests.Profile("nm" + Clipboard + C1Csi, "bridge", "br0", managed: true)).NetworkManager,
        });
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ovs")]
    [InlineData("containers")]
    [InlineData("links")]
    [InlineData("drift")]
    public async Task Show_escapes_every_host_sourced_field(string part)
    {
        var o = new StringWriter();
        var snapshot = Hostile();
        var ctx = new CliContext(o, new StringWriter()) { InventoryFactory = (_, _) => new FixedInventory(snapshot) };
        var code = await NetTuiCli.RunAsync(["show", part, "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        AssertNoControls(o.ToString());
        if (part is "ovs" or "all") Assert.Contains("br\\e]0;owned\\x07", o.ToString(), StringComparison.Ordinal);
        if (part is "links" or "all") Assert.Contains("vc\\e[2J", o.ToString(), StringComparison.Ordinal);
        if (part is "drift") Assert.Contains("nm\\e]52;c;ZXZpbA==\\x07\\x9b31m", o.ToString(), StringComparison.Ordinal);
        if (part is "containers" or "all") Assert.Contains("web\\e]0;owned\\x07\\e[2J", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_escapes_host_text_itself()
    {
        var o = new StringWriter();
        var snapshot = Hostile();
        var ctx = new CliContext(o, new StringWriter()) { InventoryFactory = (_, _) => new FixedInventory(snapshot) };
        Assert.Equal(0, await NetTui.Cli.NetTuiCli.RunAsync(["show", "all", "--json", "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken));
        AssertNoControls(o.ToString());
        // Still the real names once parsed: JSON escapes, it does not rewrite.
        using var doc = System.Text.Json.JsonDocument.Parse(o.ToString());
        Assert.Contains("web" + Title + Clear, Strings(doc.RootElement));
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [e.GetString()!],
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task Apply_escapes_the_plans_description_and_messages()
    {
        using var dir = new ScratchDir();
        var ops = PlanFileJson.Read("""[ { "op": "bridge.add", "name": "br1" } ]""").Plan!.Operations;
        var plan = dir.Path("evil.plan.json");
        await File.WriteAllTextAsync(plan, PlanFileJson.Write(PlanFile.Create(new PlanMetadata("x", Description: "d" + Title), ops, [Clipboard + Clear])),
            TestContext.Current.CancellationToken);
        File.SetUnixFileMode(plan, NetTui.Files.SafeFileWriter.OwnerOnly);
        var o = new StringWriter();
        var ctx = new CliContext(o, new StringWriter()) { InventoryFactory = (_, _) => new FixedInventory(SampleSnapshot.Create() with { Namespace = null }) };
        var code = await NetTuiCli.RunAsync(["apply", plan, "--dry-run", "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        AssertNoControls(o.ToString());
        Assert.Contains("d\\e]0;owned\\x07", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("# \\e]52;c;ZXZpbA==\\x07\\e[2J", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sanitizer_shows_C0_C1_ESC_and_DEL_as_visible_escapes()
    {
        Assert.Equal("\\e[31mred\\x9b1m\\x7f\\x01\\n\\t", TerminalText.Escape("\u001b[31mred\u009b1m\u007f\u0001\n\t"));
        Assert.Equal("plain ümlaut ✓", TerminalText.Escape("plain ümlaut ✓"));
        Assert.Equal("a\n\tb\\e", TerminalText.EscapeKeepingLayout("a\n\tb\u001b"));
    }

    [Fact]
    public void The_terminal_writer_escapes_whatever_is_written_and_keeps_newlines()
    {
        var inner = new StringWriter();
        var w = TerminalSafeWriter.Wrap(inner);
        w.Write('\u009b');
        w.WriteLine("x" + Title);
        w.Write("a\tb".ToCharArray(), 0, 3);
        Assert.Equal("\\x9bx\\e]0;owned\\x07\na\tb", inner.ToString().Replace(Environment.NewLine, "\n"));
        Assert.Same(w, TerminalSafeWriter.Wrap(w));
    }

    [Fact]
    public void Interface_names_in_error_messages_escape_C1_too()
    {
        var r = NetTui.Core.Values.InterfaceName.Parse("br\u009b2J");
        Assert.False(r.Ok);
        Assert.Contains("br\\x9b2J", r.Error!.Message, StringComparison.Ordinal);
    }
}
