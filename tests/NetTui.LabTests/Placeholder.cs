namespace NetTui.LabTests;

internal static class AssemblyMarker;
