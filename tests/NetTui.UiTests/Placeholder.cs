namespace NetTui.UiTests;

internal static class AssemblyMarker;
