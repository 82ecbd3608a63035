using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class SetDockerDefaultBridgeTests
{
    private const string Path = "/tmp/ntl/daemon.json";
    private static readonly HostSnapshot Host = TestHost.Basic().WithBridge("br0", false, "192.168.100.1/24").WithBridge("br1");
    private static OperationContext Ctx(string? text) => OperationContext.Default.WithFile(Path, text);

    [Fact]
    public void Keeps_every_other_key_and_backs_up()
    {
        var ctx = Ctx("{ \"log-level\": \"warn\", \"storage-driver\": \"vfs\" }");
        var op = new SetDockerDefaultBridge("br0", Path);
        Assert.Empty(op.Validate(Host, ctx));
        var step = Assert.IsType<FileWriteStep>(Assert.Single(op.Plan(Host, ctx)));
        Assert.Equal(Path, step.Path);
        Assert.Equal(Path + ".nettui.bak", step.BackupPath);
        Assert.Equal("warn", DaemonJson.Get(step.Content, "log-level"));
        Assert.Equal("vfs", DaemonJson.Get(step.Content, "storage-driver"));
        Assert.Equal("br0", DaemonJson.Get(step.Content, "bridge"));
        Assert.True(step.Content.IndexOf("log-level", StringComparison.Ordinal) < step.Content.IndexOf("bridge", StringComparison.Ordinal));
        Assert.Contains(op.Notes(ctx), n => n.Contains("restart", StringComparison.Ordinal));
        Assert.Contains(step.Preview(), l => l.StartsWith("cp ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_created_and_no_backup_is_made()
    {
        var step = Assert.IsType<FileWriteStep>(new SetDockerDefaultBridge("br0", Path).Plan(Host, Ctx(null))[0]);
        Assert.Null(step.BackupPath);
        Assert.Null(step.Previous);
        Assert.Equal("{\n  \"bridge\": \"br0\"\n}\n", step.Content);
    }

    [Fact]
    public void Inverse_restores_the_previous_value_or_removes_the_key()
    {
        Assert.Equal(new SetDockerDefaultBridge("br1", Path), new SetDockerDefaultBridge("br0", Path).Inverse(Host, Ctx("{\"bridge\":\"br1\"}")));
        var removeKey = new SetDockerDefaultBridge("br0", Path).Inverse(Host, Ctx("{}"));
        Assert.Equal(new SetDockerDefaultBridge(null, Path), removeKey);
        Assert.Empty(removeKey.Validate(Host, Ctx("{\"bridge\":\"br0\"}")));
        Assert.Equal("{}\n", ((FileWriteStep)removeKey.Plan(Host, Ctx("{\"bridge\":\"br0\"}"))[0]).Content);
    }

    [Theory]
    [InlineData("br0;reboot", Path, "bridge")]
    [InlineData("$(id)", Path, "bridge")]
    [InlineData("abcdefghijklmnop", Path, "bridge")]
    [InlineData("br0", "daemon.json", "daemon-json")]
    [InlineData("br0", "/etc/docker/", "daemon-json")]
    public void Bad_fields_are_rejected(string bridge, string path, string field) =>
        OpAssert.Rejected(new SetDockerDefaultBridge(bridge, path), Host, field);

    [Fact]
    public void Host_checks()
    {
        var op = new SetDockerDefaultBridge("br0", Path);
        Assert.Contains(op.Validate(Host, Ctx("[1,2]")), e => e.Field == "daemon-json" && e.Message.Contains("not a JSON object", StringComparison.Ordinal));
        Assert.Contains(op.Validate(Host, Ctx("{ broken")), e => e.Field == "daemon-json");
        Assert.Contains(op.Validate(Host, Ctx("{\"bridge\":\"br0\"}")), e => e.Field == "bridge" && e.Message.Contains("already", StringComparison.Ordinal));
        Assert.Contains(op.Validate(Host, Ctx("{\"bip\":\"10.1.0.1/24\"}")), e => e.Field == "daemon-json" && e.Message.Contains("bip", StringComparison.Ordinal));
        Assert.Contains(new SetDockerDefaultBridge("br9", Path).Validate(Host, Ctx(null)), e => e.Field == "bridge" && e.Message.Contains("no bridge", StringComparison.Ordinal));
        Assert.Contains(new SetDockerDefaultBridge("eth0", Path).Validate(Host, Ctx(null)), e => e.Field == "bridge");
        Assert.Contains(new SetDockerDefaultBridge("br1", Path).Validate(Host, Ctx(null)), e => e.Message.Contains("no IPv4 address", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_reads_the_file_again()
    {
        var op = new SetDockerDefaultBridge("br0", Path);
        Assert.Empty(op.Verify(Host, Ctx("{\"bridge\":\"br0\"}")));
        Assert.NotEmpty(op.Verify(Host, Ctx("{}")));
    }
}
