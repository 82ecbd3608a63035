namespace NetTui.PackageTests;

/// <summary>
/// What tests/run.sh built once for the whole suite: the native publish
/// (packaging/publish-native.sh, NETTUI_NATIVE_DIR) and the Debian package made from it
/// (packaging/build-deb.sh, NETTUI_DEB). A test run without them fails and says how to
/// make them: a packaging test that silently skipped would prove nothing.
/// </summary>
public static class PackageArtifacts
{
    public static string NativeDir => Existing("NETTUI_NATIVE_DIR", Directory.Exists, "packaging/publish-native.sh artifacts/native");

    public static string Deb => Existing("NETTUI_DEB", File.Exists, "packaging/build-deb.sh artifacts/native artifacts");

    /// <summary>The checkout (for the packaging scripts): the directory above the tests that holds NetTui.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NetTui.sln"))) return dir.FullName;
            throw new InvalidOperationException("NetTui.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Existing(string variable, Func<string, bool> exists, string howToMake)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        Assert.False(string.IsNullOrEmpty(path), $"{variable} is not set: run the suite with tests/run.sh, or `{howToMake}` and set {variable}");
        Assert.True(exists(path), $"{variable}={path} does not exist");
        return Path.GetFullPath(path);
    }
}
