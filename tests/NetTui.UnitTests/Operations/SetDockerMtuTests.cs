using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class SetDockerMtuTests
{
    private const string Path = "/tmp/ntl/daemon.json";
    private static readonly HostSnapshot Host = TestHost.Basic();
    private static OperationContext Ctx(string? text) => OperationContext.Default.WithFile(Path, text);

    [Fact]
    public void Sets_a_number_keeps_every_other_key_and_backs_up()
    {
        var ctx = Ctx("{ \"bridge\": \"br0\", \"log-level\": \"warn\" }");
        var op = new SetDockerMtu("1462", Path);
        Assert.Empty(op.Validate(Host, ctx));
        var step = Assert.IsType<FileWriteStep>(Assert.Single(op.Plan(Host, ctx)));
        Assert.Equal(Path + ".nettui.bak", step.BackupPath);
        Assert.Equal(1462, DaemonJson.GetNumber(step.Content, "mtu"));
        Assert.Contains("\"mtu\": 1462", step.Content, StringComparison.Ordinal);
        Assert.Equal("br0", DaemonJson.Get(step.Content, "bridge"));
        Assert.Equal("warn", DaemonJson.Get(step.Content, "log-level"));
        Assert.Contains(op.Notes(ctx), n => n.Contains("restart dockerd", StringComparison.Ordinal));
    }

    [Fact]
    public void Inverse_restores_the_previous_number_or_removes_the_key()
    {
        Assert.Equal(new SetDockerMtu("1400", Path), new SetDockerMtu("1462", Path).Inverse(Host, Ctx("{\"mtu\":1400}")));
        var remove = new SetDockerMtu("1462", Path).Inverse(Host, Ctx("{}"));
        Assert.Equal(new SetDockerMtu(null, Path), remove);
        Assert.Equal("{}\n", ((FileWriteStep)remove.Plan(Host, Ctx("{\"mtu\":1462}"))[0]).Content);
    }

    [Theory]
    [InlineData("0", Path, "mtu")]
    [InlineData("15x", Path, "mtu")]
    [InlineData("1462", "/etc/passwd", "daemon-json")]
    [InlineData("1462", "daemon.json", "daemon-json")]
    public void Bad_fields_are_rejected(string mtu, string path, string field) =>
        OpAssert.Rejected(new SetDockerMtu(mtu, path), Host, field);

    [Fact]
    public void Host_checks()
    {
        var op = new SetDockerMtu("1462", Path);
        Assert.Contains(op.Validate(Host, Ctx("[1]")), e => e.Field == "daemon-json");
        Assert.Contains(op.Validate(Host, Ctx("{\"mtu\":1462}")), e => e.Field == "mtu" && e.Message.Contains("already", StringComparison.Ordinal));
        Assert.Contains(new SetDockerMtu(null, Path).Validate(Host, Ctx("{}")), e => e.Field == "mtu");
    }

    [Fact]
    public void Verify_reads_the_file_again()
    {
        var op = new SetDockerMtu("1462", Path);
        Assert.Empty(op.Verify(Host, Ctx("{\"mtu\":1462}")));
        Assert.NotEmpty(op.Verify(Host, Ctx("{\"mtu\":1500}")));
        Assert.Equal("set Docker's container MTU to 1462 in " + Path, op.Describe());
    }
}
