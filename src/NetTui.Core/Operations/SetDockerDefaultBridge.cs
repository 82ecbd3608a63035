using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Make Docker put containers on a given Linux bridge: set "bridge" in daemon.json, keeping
/// every other key, after a backup (the seed's `vim /etc/docker/daemon.json`). The daemon
/// reads the file only when it starts, so the admin is told to restart it. A null
/// <see cref="Bridge"/> removes the key (the inverse when it was not set before).
/// </summary>
public sealed record SetDockerDefaultBridge(string? Bridge, string? DaemonJsonPath = null) : Operation
{
    public const string KindName = "docker.bridge";
    public override string Kind => KindName;

    public string PathIn(OperationContext ctx) => DaemonJsonPath ?? ctx.DaemonJsonPath;

    public override string Describe() => Bridge is null
        ? $"remove Docker's default bridge setting from {DaemonJsonPath ?? "daemon.json"}"
        : $"set Docker's default bridge to {Bridge} in {DaemonJsonPath ?? "daemon.json"}";

    public override IEnumerable<string> FilesToRead(OperationContext ctx) => [PathIn(ctx)];

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        if (Bridge is not null) c.Need(InterfaceName.Parse(Bridge, "bridge"));
        DaemonJson.CheckPath(c, DaemonJsonPath);
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var path = PathIn(ctx);
        var text = ctx.FileText(path);
        if (DaemonJson.Problem(text) is { } problem) { yield return new("daemon-json", $"{path}: {problem}"); yield break; }
        var current = DaemonJson.Get(text, "bridge");
        if (current == Bridge && (Bridge is not null || !DaemonJson.Has(text, "bridge")))
        {
            yield return new("bridge", Bridge is null ? $"{path} does not set a bridge" : $"{path} already sets bridge to {Bridge}");
            yield break;
        }
        if (Bridge is null) yield break;
        if (DaemonJson.Has(text, "bip"))
            yield return new("daemon-json", $"{path} sets \"bip\", which dockerd refuses together with \"bridge\"; remove it first");
        var link = host.FindLink(Bridge);
        if (link is null) yield return new("bridge", $"there is no bridge {Bridge} (create it first: nettui bridge add {Bridge} --address CIDR)");
        else if (link.Kind != LinkKind.Bridge) yield return new("bridge", $"{Bridge} is a {HostQueries.KindWord(link)}, not a Linux bridge");
        else if (!link.Addresses.Any(a => a.Family == Model.AddressFamily.Inet))
            yield return new("bridge", $"{Bridge} has no IPv4 address; dockerd takes the containers' subnet and gateway from it");
    }

    public override IEnumerable<string> Notes(OperationContext ctx) =>
        [$"dockerd reads {PathIn(ctx)} only when it starts: restart it (systemctl restart docker) for new containers to use {Bridge ?? "docker0"}"];

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var path = PathIn(ctx);
        var previous = ctx.FileText(path);
        var content = DaemonJson.Set(previous, "bridge", Bridge);
        return [new FileWriteStep(Bridge is null ? $"remove \"bridge\" from {path}" : $"set \"bridge\": \"{Bridge}\" in {path}",
            path, content, previous, previous is null ? null : path + ".nettui.bak")];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new SetDockerDefaultBridge(DaemonJson.Get(ctx.FileText(PathIn(ctx)), "bridge"), DaemonJsonPath);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var path = PathIn(ctx);
        var text = ctx.FileText(path);
        if (DaemonJson.Problem(text) is { } problem) return [$"{path}: {problem}"];
        var got = DaemonJson.Get(text, "bridge");
        return got == Bridge ? [] : [$"{path}: bridge is {(got is null ? "not set" : got)}, expected {Bridge ?? "not set"}"];
    }
}
