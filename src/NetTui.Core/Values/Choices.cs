namespace NetTui.Core.Values;

/// <summary>OVS datapath: "system" (kernel module) or "netdev" (userspace; the only one in a lab without the module).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<DatapathType>))]
public enum DatapathType { System, Netdev }

/// <summary>Kernel tunnel mode: gre carries IP packets, gretap carries Ethernet frames (can join a bridge).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<TunnelMode>))]
public enum TunnelMode { Gre, Gretap }

/// <summary>Parsing of the closed word lists, with the allowed words in the message.</summary>
public static class Choice
{
    public static Parsed<DatapathType> Datapath(string? text, string field = "datapath") => (text?.Trim()) switch
    {
        null or "" or "system" => Parsed<DatapathType>.Success(DatapathType.System),
        "netdev" => Parsed<DatapathType>.Success(DatapathType.Netdev),
        var t => Parsed<DatapathType>.Fail(field, $"'{InterfaceName.Printable(t)}' is not a datapath type (system or netdev)"),
    };

    public static Parsed<TunnelMode> Mode(string? text, string field = "mode") => (text?.Trim()) switch
    {
        "gre" => Parsed<TunnelMode>.Success(TunnelMode.Gre),
        "gretap" => Parsed<TunnelMode>.Success(TunnelMode.Gretap),
        var t => Parsed<TunnelMode>.Fail(field, $"'{InterfaceName.Printable(t ?? "")}' is not a tunnel mode (gre or gretap)"),
    };

    public static string Word(this DatapathType d) => d == DatapathType.Netdev ? "netdev" : "system";
    public static string Word(this TunnelMode m) => m == TunnelMode.Gretap ? "gretap" : "gre";
}
