namespace NetTui.Presentation;

/// <summary>The views of the TUI, in tab order (the number keys 1, 2, ... follow this order).</summary>
public enum ViewKind
{
    Interfaces,
    Bridges,
    OpenVSwitch,
    Routes,
    Containers,
    Topology,
    /// <summary>Differences between what boot builds (persisted configuration) and what runs now.</summary>
    Drift,
    /// <summary>The journal's change-sets (rows from the history backend, not from the snapshot).</summary>
    History,
    /// <summary>What ovs-vswitchd, ovsdb-server, NetworkManager and dockerd logged (rows from the log followers, not from the snapshot).</summary>
    Logs,
}

public static class ViewKindNames
{
    public static string Title(this ViewKind kind) => kind switch
    {
        ViewKind.Interfaces => "Interfaces",
        ViewKind.Bridges => "Bridges",
        ViewKind.OpenVSwitch => "Open vSwitch",
        ViewKind.Routes => "Routes",
        ViewKind.Containers => "Containers",
        ViewKind.Topology => "Topology",
        ViewKind.Drift => "Drift",
        ViewKind.History => "History",
        ViewKind.Logs => "Logs",
        _ => kind.ToString(),
    };
}
