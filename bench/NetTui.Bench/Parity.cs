using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Inventory.Netlink;

namespace NetTui.Bench;

/// <summary>Checks, on the scale namespace, that netlink gives the very routes `ip -j route` gives (dumps from run.sh).</summary>
public static class Parity
{
    public static int Check(string netns, string dumps)
    {
        var fromIp = IpRouteParser.Parse(File.ReadAllBytes(Path.Combine(dumps, "route4.json")), AddressFamily.Inet)
            .AddRange(IpRouteParser.Parse(File.ReadAllBytes(Path.Combine(dumps, "route6.json")), AddressFamily.Inet6));
        var fromNetlink = NetlinkRouteReader.Read($"/run/netns/{netns}");
        int diffs = 0;
        for (int i = 0; i < Math.Max(fromIp.Length, fromNetlink.Length) && diffs < 10; i++)
        {
            var a = i < fromIp.Length ? fromIp[i] : null;
            var b = i < fromNetlink.Length ? fromNetlink[i] : null;
            if (a != b) { diffs++; Console.WriteLine($"  route {i}: ip {a}\n  {"",-9}netlink {b}"); }
        }
        Console.WriteLine($"  netlink parity: {fromIp.Length} routes from ip, {fromNetlink.Length} from netlink, {(diffs == 0 ? "identical" : "DIFFERENT")}");
        return diffs == 0 ? 0 : 1;
    }
}
