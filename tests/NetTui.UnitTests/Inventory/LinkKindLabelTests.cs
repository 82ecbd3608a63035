using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Presentation;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// Links of kinds this machine's kernel cannot make (dummy, bond, vlan, vrf, ipvlan, hsr), in the
/// shape `ip -d -j link` prints them (Fixtures/iproute2/link-kinds-unnamed.json, written by hand: the
/// lab kernel has none of these modules): the known ones map to their kind, the others keep
/// the kernel's kind name as their label instead of a bare "other".
/// </summary>
public sealed class LinkKindLabelTests
{
    private static Link L(string name) =>
        IpLinkParser.Parse(Fixtures.Read("iproute2/link-kinds-unnamed.json")).Links.Single(l => l.Name == name);

    [Theory]
    [InlineData("dummy0", "dummy")]
    [InlineData("bond0", "bond")]
    [InlineData("dummy0.42", "vlan")]
    [InlineData("vrf-blue", "vrf")]
    [InlineData("ipvl0", "ipvlan")]
    [InlineData("hsr0", "unknown kind hsr")]
    public void Every_kind_keeps_its_label(string name, string label) => Assert.Equal(label, LinkText.Kind(L(name)));

    [Fact]
    public void Unnamed_kinds_are_other_with_the_kernels_name()
    {
        Assert.Equal(LinkKind.Other, L("hsr0").Kind);
        Assert.Equal("hsr", L("hsr0").Label);
        Assert.Equal(LinkKind.Vrf, L("vrf-blue").Kind);
        Assert.Equal(LinkKind.Vlan, L("dummy0.42").Kind);
    }
}
