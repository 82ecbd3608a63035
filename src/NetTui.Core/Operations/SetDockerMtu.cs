using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Give Docker's containers an MTU that fits a tunnel: set "mtu" (a JSON number) in
/// daemon.json, keeping every other key, after a backup. dockerd gives containers on its
/// default bridge MTU 1500 whatever the bridge's own MTU, so over a GRE path of 1462 a
/// full-size packet from a container is dropped without a word. dockerd reads the file only
/// when it starts. A null <see cref="Mtu"/> removes the key (the inverse when it was not set).
/// </summary>
public sealed record SetDockerMtu(string? Mtu, string? DaemonJsonPath = null) : Operation
{
    public const string KindName = "docker.mtu";
    public override string Kind => KindName;

    public string PathIn(OperationContext ctx) => DaemonJsonPath ?? ctx.DaemonJsonPath;

    public override string Describe() => Mtu is null
        ? $"remove Docker's MTU setting from {DaemonJsonPath ?? "daemon.json"}"
        : $"set Docker's container MTU to {Mtu} in {DaemonJsonPath ?? "daemon.json"}";

    public override IEnumerable<string> FilesToRead(OperationContext ctx) => [PathIn(ctx)];

    private int? Value => Mtu is null ? null : Values.Mtu.Parse(Mtu).Get().Value;

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        if (Mtu is not null) c.Need(Values.Mtu.Parse(Mtu, "mtu"));
        DaemonJson.CheckPath(c, DaemonJsonPath);
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var path = PathIn(ctx);
        var text = ctx.FileText(path);
        if (DaemonJson.Problem(text) is { } problem) { yield return new("daemon-json", $"{path}: {problem}"); yield break; }
        if (DaemonJson.GetNumber(text, "mtu") == Value && (Value is not null || !DaemonJson.Has(text, "mtu")))
            yield return new("mtu", Value is null ? $"{path} does not set an MTU" : $"{path} already sets mtu to {Value}");
    }

    public override IEnumerable<string> Notes(OperationContext ctx) =>
        [$"dockerd reads {PathIn(ctx)} only when it starts, and a container gets its MTU when it starts: restart dockerd, then the containers, for MTU {Mtu ?? "1500"} to apply"];

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var path = PathIn(ctx);
        var previous = ctx.FileText(path);
        var content = DaemonJson.SetNumber(previous, "mtu", Value);
        return [new FileWriteStep(Value is null ? $"remove \"mtu\" from {path}" : $"set \"mtu\": {Value} in {path}",
            path, content, previous, previous is null ? null : path + ".nettui.bak")];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new SetDockerMtu(DaemonJson.GetNumber(ctx.FileText(PathIn(ctx)), "mtu")?.ToString(CultureInfo.InvariantCulture), DaemonJsonPath);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var path = PathIn(ctx);
        var text = ctx.FileText(path);
        if (DaemonJson.Problem(text) is { } problem) return [$"{path}: {problem}"];
        var got = DaemonJson.GetNumber(text, "mtu");
        return got == Value ? [] : [$"{path}: mtu is {(got is null ? "not set" : got)}, expected {(Value is null ? "not set" : Value)}"];
    }
}
