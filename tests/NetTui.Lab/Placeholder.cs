namespace NetTui.Lab;

internal static class AssemblyMarker;
