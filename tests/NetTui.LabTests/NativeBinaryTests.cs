namespace NetTui.LabTests;

/// <summary>
/// The lab tests are worth their name only if they drive the program admins run: the Native
/// AOT executable (NETTUI_BIN), not the JIT-compiled dll. This fails when the suite would
/// quietly run something else.
/// </summary>
public sealed class NativeBinaryTests
{
    [Fact]
    public async Task The_nettui_under_test_is_a_native_executable_with_the_runtime_inside()
    {
        if (NettuiCli.NativePath is not { } bin)
        {
            Assert.Skip("NETTUI_BIN is not set: this run drives `dotnet nettui.dll` (tests/run.sh and CI drive the native binary)");
            return;
        }
        var bytes = await File.ReadAllBytesAsync(bin, TestContext.Current.CancellationToken);
        Assert.True(bytes.AsSpan(0, 4).SequenceEqual((byte[])[0x7f, (byte)'E', (byte)'L', (byte)'F']), $"{bin} is not an ELF executable");
        // A framework-dependent apphost names libhostfxr.so (it finds the runtime at run time) and
        // has nettui.dll beside it; the native binary has neither.
        Assert.True(bytes.AsSpan().IndexOf("libhostfxr.so"u8) < 0, $"{bin} is an apphost that needs an installed .NET runtime");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(bin)!, "nettui.dll")), $"a managed nettui.dll lies beside {bin}");

        var version = await NettuiCli.RunAsync(Path.GetTempPath(), new Dictionary<string, string>(), "--version");
        Assert.True(version.ExitCode == 0, version.StandardError);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StandardOutput);
    }
}
