namespace NetTui.UnitTests.Inventory;

/// <summary>Builds netlink messages for parser tests: a fixed header, then rtattr records (len, type, value, 4-byte padding).</summary>
internal static class NetlinkAttributes
{
    public static byte[] Message(IEnumerable<byte> header, params (ushort Type, byte[] Value)[] attributes)
    {
        var m = new List<byte>(header);
        foreach (var (t, v) in attributes)
        {
            m.AddRange(BitConverter.GetBytes((ushort)(4 + v.Length)));
            m.AddRange(BitConverter.GetBytes(t));
            m.AddRange(v);
            while (m.Count % 4 != 0) m.Add(0);
        }
        return [.. m];
    }
}
