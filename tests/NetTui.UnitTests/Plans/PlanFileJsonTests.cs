using NetTui.Core.Operations;
using NetTui.Core.Plans;

namespace NetTui.UnitTests.Plans;

/// <summary>Plan files are read strictly: every bad input is refused with where it is, and nothing is returned.</summary>
public sealed class PlanFileJsonTests
{
    private static PlanFile Sample() => PlanFile.Create(new PlanMetadata("test", null, "hostA", "local"),
        [new CreateBridge("br0", "192.168.1.1/24") { Mtu = "1462" }, new AddRoute("192.168.2.0/24", Dev: "br0"), new SetDockerDefaultBridge(null)],
        ["why the MTU is 1462"]);

    [Fact]
    public void A_written_plan_reads_back_equal()
    {
        var text = PlanFileJson.Write(Sample());
        var parsed = PlanFileJson.Read(text);
        Assert.True(parsed.Ok, string.Join("; ", parsed.Errors));
        Assert.Equal(Sample(), parsed.Plan);
        Assert.Contains("\"schema\": \"nettui.plan/v1\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line()
    {
        var text = "{\n  \"schema\": \"nettui.plan/v1\",\n  \"operations\": [\n    { \"op\": \"bridge.add\" \"name\": \"br0\" }\n  ]\n}";
        var e = Assert.Single(PlanFileJson.Read(text).Errors);
        Assert.Equal(4, e.Line);
        Assert.StartsWith("line 4, column ", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_operation_is_refused_naming_its_index()
    {
        var text = """
            {
              "schema": "nettui.plan/v1",
              "metadata": { "createdBy": "hand" },
              "operations": [
                { "op": "bridge.add", "name": "br0" },
                { "op": "bridge.frobnicate", "name": "br0" }
              ]
            }
            """;
        var parsed = PlanFileJson.Read(text);
        Assert.Null(parsed.Plan);
        var e = Assert.Single(parsed.Errors);
        Assert.Contains("operations[1]", e.Where, StringComparison.Ordinal);
        Assert.Contains("bridge.frobnicate", e.Message, StringComparison.Ordinal);
        Assert.Equal(6, e.Line);
    }

    [Theory]
    [InlineData("\"nettui.plan/v2\"")]
    [InlineData("1")]
    public void Other_schema_versions_are_refused_before_anything_else(string schema)
    {
        var text = $$"""{ "schema": {{schema}}, "whatever": true }""";
        var e = Assert.Single(PlanFileJson.Read(text).Errors);
        Assert.Equal("schema", e.Where);
        Assert.Contains("nettui.plan/v1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_schema_is_refused()
    {
        var e = Assert.Single(PlanFileJson.Read("""{ "operations": [] }""").Errors);
        Assert.Equal("schema", e.Where);
    }

    [Fact]
    public void Invalid_field_value_names_the_operation_index_and_field()
    {
        var text = """
            { "schema": "nettui.plan/v1", "metadata": { "createdBy": "hand" },
              "operations": [
                { "op": "bridge.add", "name": "br0" },
                { "op": "ovs.gre.add", "bridge": "obr0", "port": "gre0", "remote": "10.10.0.300" } ] }
            """;
        var parsed = PlanFileJson.Read(text);
        Assert.Null(parsed.Plan);
        var e = Assert.Single(parsed.Errors);
        Assert.Equal("operations[1] (ovs.gre.add).remote", e.Where);
    }

    [Fact]
    public void Missing_required_field_and_unknown_field_are_refused()
    {
        var missing = PlanFileJson.Read("""{ "schema": "nettui.plan/v1", "metadata": { "createdBy": "x" }, "operations": [ { "op": "ovs.gre.add", "port": "gre0", "remote": "10.0.0.2" } ] }""");
        Assert.Contains("bridge", Assert.Single(missing.Errors).Message, StringComparison.Ordinal);
        var unknown = PlanFileJson.Read("""{ "schema": "nettui.plan/v1", "metadata": { "createdBy": "x" }, "operations": [ { "op": "bridge.add", "name": "br0", "colour": "red" } ] }""");
        Assert.Contains("colour", Assert.Single(unknown.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_operations_is_refused()
    {
        var e = Assert.Single(PlanFileJson.Read("""{ "schema": "nettui.plan/v1", "metadata": { "createdBy": "x" }, "operations": [] }""").Errors);
        Assert.Equal("operations", e.Where);
    }

    [Fact]
    public void Bare_operations_as_json_prints_them_are_an_unversioned_plan_read_as_strictly()
    {
        var ok = PlanFileJson.Read("""[ { "op": "bridge.add", "name": "br1" }, { "op": "route.add", "destination": "10.1.0.0/24", "dev": "br1" } ]""");
        Assert.True(ok.Ok);
        Assert.Equal(2, ok.Plan!.Operations.Length);
        Assert.True(PlanFileJson.Read("""{ "op": "bridge.add", "name": "br1" }""").Ok);
        Assert.Contains("bridge.explode", Assert.Single(PlanFileJson.Read("""[ { "op": "bridge.explode" } ]""").Errors).Message, StringComparison.Ordinal);
        Assert.Equal("operations[0] (bridge.add).name", Assert.Single(PlanFileJson.Read("""{ "op": "bridge.add", "name": "br1;reboot" }""").Errors).Where);
    }
}
