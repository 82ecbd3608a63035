namespace NetTui.History;

internal static class AssemblyMarker;
