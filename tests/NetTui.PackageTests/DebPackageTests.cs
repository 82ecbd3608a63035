using NetTui.Lab;

namespace NetTui.PackageTests;

/// <summary>
/// The .deb tests/run.sh built with packaging/build-deb.sh: its name and control fields,
/// and the files an admin gets (binary with its native libraries and assets, the command,
/// the man page and completion written by that binary).
/// </summary>
public sealed class DebPackageTests
{
    [Fact]
    public async Task Control_names_the_package_version_and_dependencies()
    {
        var deb = PackageArtifacts.Deb;
        var fields = (await LabExec.RunAsync("dpkg-deb", "--field", deb)).EnsureSuccess().StandardOutput;
        var control = fields.Split('\n').Where(l => l.Contains(": ")).ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 2)..]);
        Assert.Equal("nettui", control["Package"]);
        Assert.Equal("amd64", control["Architecture"]);
        var version = (await LabExec.RunAsync(Path.Combine(PackageArtifacts.NativeDir, "nettui"), "--version")).EnsureSuccess().StandardOutput.Trim();
        Assert.Equal(version.Split('+')[0], control["Version"]);
        Assert.Equal($"nettui_{control["Version"]}_amd64.deb", Path.GetFileName(deb));
        Assert.Contains("iproute2", control["Depends"]);
        Assert.Matches(@"libc6 \(>= 2\.\d+\)", control["Depends"]);
        foreach (var optional in new[] { "openvswitch-switch", "network-manager", "docker.io" })
            Assert.Contains(optional, control["Recommends"]);
    }

    [Fact]
    public async Task Files_are_the_binary_its_libraries_the_command_the_man_page_and_completion()
    {
        var listing = (await LabExec.RunAsync("dpkg-deb", "--contents", PackageArtifacts.Deb)).EnsureSuccess().StandardOutput;
        var files = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        string Line(string path) => string.Join(' ', files.Single(f => f[5] == path || f[5] == "." + path));

        Assert.StartsWith("-rwxr-xr-x root/root", Line("/usr/lib/nettui/nettui"));
        Assert.StartsWith("-rwxr-xr-x root/root", Line("/usr/lib/nettui/libe_sqlite3.so"));
        Assert.Contains("/usr/bin/nettui -> ../lib/nettui/nettui", Line("/usr/bin/nettui"));
        Assert.StartsWith("-rw-r--r-- root/root", Line("/usr/share/man/man8/nettui.8.gz"));
        Assert.StartsWith("-rw-r--r-- root/root", Line("/usr/share/bash-completion/completions/nettui"));
        Assert.Contains(files, f => f[5].StartsWith("./usr/lib/nettui/assets/doctor/", StringComparison.Ordinal) && f[5].EndsWith(".md", StringComparison.Ordinal));
        // Nothing of a JIT build or a debugger's: no managed assemblies, no symbols.
        Assert.DoesNotContain(files, f => f[5].EndsWith(".dll", StringComparison.Ordinal) || f[5].EndsWith(".pdb", StringComparison.Ordinal) || f[5].EndsWith(".dbg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_packaged_man_page_is_the_packaged_binarys_own()
    {
        var dir = Directory.CreateTempSubdirectory("nettui-deb-");
        try
        {
            (await LabExec.RunAsync("dpkg-deb", "-x", PackageArtifacts.Deb, dir.FullName)).EnsureSuccess();
            var page = (await LabExec.RunAsync("gzip", "-dc", Path.Combine(dir.FullName, "usr/share/man/man8/nettui.8.gz"))).EnsureSuccess().StandardOutput;
            var binary = Path.Combine(dir.FullName, "usr/lib/nettui/nettui");
            var generated = (await LabExec.RunAsync(binary, "__man")).EnsureSuccess().StandardOutput;
            Assert.Equal(generated, page);
            Assert.Contains(".SS \"nettui show [PART]\"", page);
            var completion = await File.ReadAllTextAsync(Path.Combine(dir.FullName, "usr/share/bash-completion/completions/nettui"), TestContext.Current.CancellationToken);
            Assert.Equal((await LabExec.RunAsync(binary, "__bash-completion")).EnsureSuccess().StandardOutput, completion);
            Assert.Contains("complete -F _nettui nettui", completion);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
