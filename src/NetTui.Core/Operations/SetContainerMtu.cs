using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Set a running container's MTU now, both ends of its veth: eth0 inside the container
/// (`nsenter --target PID --net ip link set dev eth0 mtu N`, run from where nettui runs,
/// since the container's namespace is not the target's) and the host-side veth. Docker gives
/// containers 1500 on a bridge that reaches a 1462-byte tunnel; daemon.json's "mtu"
/// (<see cref="SetDockerMtu"/>) only reaches containers started later. Only containers with
/// one network (Docker names its interface eth0); the container's pid and veth are read
/// from the snapshot when planning, so the inverse still works after a container restart.
/// </summary>
public sealed record SetContainerMtu(string Container, string Mtu) : Operation
{
    public const string KindName = "container.mtu";
    public override string Kind => KindName;

    /// <summary>Docker's name for a container's interface on its first (here: only) network.</summary>
    public const string ContainerInterface = "eth0";

    public override string Describe() => $"set MTU of container {Container} (eth0 and its host veth) to {Mtu}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        if (string.IsNullOrWhiteSpace(Container) || Container.Length > 128 || !Container.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '-'))
            c.Add("container", $"'{InterfaceName.Printable(Container ?? "")}' is not a Docker container name");
        c.Need(Values.Mtu.Parse(Mtu, "mtu"));
        return c.Errors;
    }

    private int Value => Values.Mtu.Parse(Mtu).Get().Value;

    private static Model.Container? Find(HostSnapshot host, string name) =>
        host.Containers.FirstOrDefault(c => c.Name.TrimStart('/') == name || c.Id == name);

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var c = Find(host, Container);
        if (c is null) { yield return new("container", $"there is no container {Container}"); yield break; }
        if (c.Pid is not > 0) { yield return new("container", $"container {Container} is not running ({c.State})"); yield break; }
        if (c.Networks.Length != 1) { yield return new("container", $"container {Container} is on {c.Networks.Length} networks: set the MTU of the one on the bridge by hand"); yield break; }
        if (c.HostVeth is null || host.FindLink(c.HostVeth) is not { } veth) { yield return new("container", $"the host-side veth of {Container} was not found"); yield break; }
        if (veth.Mtu == Value) yield return new("mtu", $"container {Container} already has MTU {Value}");
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var c = Find(host, Container) ?? throw new InvalidOperationException($"there is no container {Container}");
        var veth = host.FindLink(c.HostVeth!)!;
        var pid = c.Pid!.Value.ToString(CultureInfo.InvariantCulture);
        var mtu = Value.ToString(CultureInfo.InvariantCulture);
        var old = veth.Mtu.ToString(CultureInfo.InvariantCulture);
        CommandSpec Inside(string m) => new("nsenter", ["--target", pid, "--net", "ip", "link", "set", "dev", ContainerInterface, "mtu", m], ctx.CommandTimeout, InTargetNamespace: false);
        // Lowering: the container first, so it never sends what its veth would drop; raising: the veth first.
        var inside = Steps.Run($"set MTU {mtu} on {ContainerInterface} in container {Container} (pid {pid})", Inside(mtu), Inside(old));
        var outside = Steps.Run($"set MTU {mtu} on {veth.Name}, its host-side veth", ctx.Ip("link", "set", "dev", veth.Name, "mtu", mtu), ctx.Ip("link", "set", "dev", veth.Name, "mtu", old));
        return Value <= veth.Mtu ? [inside, outside] : [outside, inside];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new SetContainerMtu(Container, (Find(before, Container)?.HostVeth is { } v && before.FindLink(v) is { } l ? l.Mtu : throw new InvalidOperationException($"{Container} has no veth in the snapshot"))
            .ToString(CultureInfo.InvariantCulture));

    /// <summary>The host-side veth read back from the kernel (the container's own side is not in the host's snapshot).</summary>
    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var c = Find(after, Container);
        if (c?.HostVeth is not { } v || after.FindLink(v) is not { } l) return [$"container {Container}: its veth is gone"];
        return l.Mtu == Value ? [] : [$"{v} (container {Container}): MTU is {l.Mtu}, expected {Value}"];
    }
}
