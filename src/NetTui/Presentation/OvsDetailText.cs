using System.Globalization;
using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// How views write OVS's VLAN, bond, controller and datapath facts (issue 22), in ovs-vsctl's
/// words: "tag 10", "trunks 10,20 native-untagged", "fake bridge, vlan 10", "bond balance-slb
/// lacp active", "fail_mode secure stp controller tcp:10.0.0.1:6653". Kept apart from the
/// OVS presenter's other columns.
/// </summary>
public static class OvsDetailText
{
    /// <summary>The VLAN cell of a port: access tag, trunks, vlan_mode.</summary>
    public static string Vlan(OvsPort p)
    {
        var w = new List<string>();
        if (p.Tag is { } tag) w.Add($"tag {tag.ToString(CultureInfo.InvariantCulture)}");
        if (!p.Trunks.IsDefaultOrEmpty) w.Add("trunks " + string.Join(",", p.Trunks.Select(t => t.ToString(CultureInfo.InvariantCulture))));
        if (p.VlanMode is { } mode) w.Add(mode);
        return string.Join(' ', w);
    }

    /// <summary>The "More" cell of a port/interface row: fake bridge, bond, mtu_request.</summary>
    public static string Port(OvsPort p, OvsInterface i)
    {
        var w = new List<string>();
        if (p.FakeBridge) w.Add($"fake bridge{(p.Tag is { } t ? $", vlan {t.ToString(CultureInfo.InvariantCulture)}" : "")}");
        if (p.IsBond) w.Add($"bond {p.BondMode ?? "active-backup"}{(p.Lacp is { } lacp ? $" lacp {lacp}" : "")}");
        if (i.RemoteIsFlow) w.Add("remote per flow");
        if (i.MtuRequest is { } req) w.Add($"mtu_request {req.ToString(CultureInfo.InvariantCulture)}{(i.Mtu is { } m && m != req ? $" (has {m.ToString(CultureInfo.InvariantCulture)})" : "")}");
        return string.Join("; ", w);
    }

    /// <summary>The "More" cell of a bridge row: fail_mode, STP, controllers, a datapath never made.</summary>
    public static string Bridge(OvsBridge b)
    {
        var w = new List<string>();
        if (b.DatapathMissing) w.Add("datapath never created");
        if (b.FailMode is { } fm) w.Add($"fail_mode {fm}");
        if (b.StpEnabled) w.Add("stp");
        if (b.RstpEnabled) w.Add("rstp");
        foreach (var c in b.Controllers) w.Add($"controller {c.Target}{(c.Connected == false ? " (not connected)" : "")}");
        return string.Join("; ", w);
    }

    /// <summary>A tunnel's remote for one-line texts: the host, or "flow" spelled out.</summary>
    public static string Remote(OvsInterface i) => i.RemoteIsFlow ? "per flow (remote_ip=flow)" : i.RemoteIp ?? "?";
}
