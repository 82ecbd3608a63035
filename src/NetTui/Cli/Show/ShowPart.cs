using NetTui.Host.Inventory;

namespace NetTui.Cli.Show;

/// <summary>The parts `nettui show` can print.</summary>
public enum ShowPart { All, Links, Bridges, Ovs, Routes, Containers, Drift }

public static class ShowParts
{
    public static readonly string[] Names = ["links", "bridges", "ovs", "routes", "containers", "all", "drift"];

    public static ShowPart Parse(string? name) => name switch
    {
        null or "all" => ShowPart.All,
        "links" => ShowPart.Links,
        "bridges" => ShowPart.Bridges,
        "ovs" => ShowPart.Ovs,
        "routes" => ShowPart.Routes,
        "containers" => ShowPart.Containers,
        "drift" => ShowPart.Drift,
        _ => throw new ArgumentException($"unknown part '{name}'", nameof(name)),
    };

    public static InventoryParts ToInventoryParts(ShowPart part) => part switch
    {
        ShowPart.Links => InventoryParts.Links,
        ShowPart.Bridges => InventoryParts.Bridges,
        ShowPart.Ovs => InventoryParts.Ovs,
        ShowPart.Routes => InventoryParts.Routes,
        ShowPart.Containers => InventoryParts.Containers,
        _ => InventoryParts.All,
    };
}
