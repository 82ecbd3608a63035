using NetTui.Core.Persisting.Ifupdown;

namespace NetTui.UnitTests.Persistence.Backends;

public class InterfacesFileTests
{
    private const string HandWritten =
        "# admin's comment\r\n" +
        "source /etc/network/interfaces.d/*\r\n" +
        "auto lo br0\r\n" +
        "iface lo inet loopback\r\n" +
        "\r\n" +
        "allow-hotplug eth0\r\n" +
        "iface eth0 inet dhcp\r\n" +
        "iface br0 inet static\r\n" +
        "\taddress 192.168.1.1/24\r\n" +
        "  # a comment inside the stanza\r\n" +
        "\tbridge_ports eth1 eth2\r\n" +
        "# last line without an ending";

    [Fact]
    public void Stanzas_auto_lines_and_sources_are_read_with_their_lines()
    {
        var f = InterfacesFile.Parse("/etc/network/interfaces", HandWritten);
        Assert.Null(f.Error);
        Assert.Equal(["lo", "eth0", "br0"], f.Stanzas.Select(s => s.Name));
        var br0 = f.Stanzas[2];
        Assert.Equal(("inet", "static", 7), (br0.Family, br0.Method, br0.Header));
        Assert.Equal(["address", "bridge_ports"], br0.Options.Select(o => o.Key));
        Assert.Equal("eth1 eth2", br0.Options[1].Value);
        Assert.True(f.BroughtUp("br0"));
        Assert.True(f.BroughtUp("eth0"));
        Assert.False(f.BroughtUp("eth1"));
        Assert.Equal("/etc/network/interfaces.d/*", Assert.Single(f.Sources).Pattern);
        Assert.Equal(HandWritten, f.Text);
    }

    [Theory]
    [InlineData("auto lo\niface br0\n", 2, "needs a name, an address family and a method")]
    [InlineData("# x\n  address 10.0.0.1/24\n", 2, "outside any iface stanza")]
    [InlineData("iface br0 inet static \\\n address 10.0.0.1/24\n", 1, "continued")]
    public void A_file_NetTui_cannot_read_is_one_error_naming_file_and_line(string text, int line, string what)
    {
        var f = InterfacesFile.Parse("/r/etc/network/interfaces", text);
        Assert.StartsWith($"/r/etc/network/interfaces:{line}: ", f.Error, StringComparison.Ordinal);
        Assert.Contains(what, f.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Edits_change_only_the_lines_they_name_and_keep_endings_and_indentation()
    {
        var f = InterfacesFile.Parse("/etc/network/interfaces", HandWritten);
        var br0 = f.Stanzas[2];
        var edited = new LineEdits(f)
            .AddOption(br0, "up ip addr add 10.0.0.1/24 dev br0")
            .Replace(br0.Options[1].Line, "\tbridge_ports eth1")
            .Append("source /etc/network/nettui.d/*")
            .Build();
        Assert.Equal(HandWritten
            .Replace("\tbridge_ports eth1 eth2\r\n", "\tbridge_ports eth1\r\n\tup ip addr add 10.0.0.1/24 dev br0\r\n", StringComparison.Ordinal)
            + "\r\nsource /etc/network/nettui.d/*\r\n", edited);
    }

    [Fact]
    public void Removing_a_stanza_takes_its_name_off_a_shared_auto_line()
    {
        var f = InterfacesFile.Parse("/etc/network/interfaces", HandWritten);
        var e = new LineEdits(f);
        StanzaEdits.RemoveStanza(f, "br0", e);
        var after = e.Build();
        Assert.Contains("auto lo\r\n", after, StringComparison.Ordinal);
        Assert.DoesNotContain("br0", after, StringComparison.Ordinal);
        Assert.Contains("  # a comment inside the stanza\r\n", after, StringComparison.Ordinal);
    }
}
