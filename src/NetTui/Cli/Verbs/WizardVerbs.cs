using System.CommandLine;
using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Export.Ansible;
using NetTui.Files;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Values;
using NetTui.Core.Wizard;
using NetTui.Host.Diagnostics;

namespace NetTui.Cli.Verbs;

/// <summary>
/// `nettui wizard tunnel ...`: the cross-host tunnel wizard on the command line. It reads
/// this host, checks the input, previews the plan for this host and the mirror plan for the
/// peer, writes them (--out, --peer-out) and, with --apply, applies this host's plan through
/// the same path as `nettui apply`. `nettui wizard teardown PLAN` applies PLAN.teardown.json.
/// </summary>
public static class WizardVerbs
{
    public static Command Create(ChangeHost host)
    {
        var wizard = new Command("wizard", "Guided multi-step changes");
        wizard.Add(Tunnel(host));
        wizard.Add(Teardown(host));
        return wizard;
    }

    private sealed record TunnelOptions
    {
        public Option<string> LocalUnderlay { get; } = new("--local-underlay") { Required = true, Description = "This host's underlay address (the tunnel's source)", HelpName = "IP" };
        public Option<string> PeerUnderlay { get; } = new("--peer-underlay") { Required = true, Description = "The peer's underlay address", HelpName = "IP" };
        public Option<string> LocalSubnet { get; } = new("--local-subnet") { Required = true, Description = "This host's container subnet (x.y.z.0/24 puts .1 on the bridge)", HelpName = "CIDR" };
        public Option<string> PeerSubnet { get; } = new("--peer-subnet") { Required = true, Description = "The peer's container subnet", HelpName = "CIDR" };
        public Option<string> Bridge { get; } = new("--bridge") { DefaultValueFactory = _ => "br0", Description = "Linux bridge for the containers", HelpName = "NAME" };
        public Option<string> OvsBridge { get; } = new("--ovs-bridge") { DefaultValueFactory = _ => "obr0", Description = "OVS bridge (ovs-gre, ovs-vxlan)", HelpName = "NAME" };
        public Option<string?> Port { get; } = new("--port") { Description = "GRE/VXLAN port or tunnel device (default gre0; gre1/gretap1 for kernel GRE; vxlan0)", HelpName = "NAME" };
        public Option<string> Kind { get; } = new Option<string>("--kind") { DefaultValueFactory = _ => "ovs-gre", Description = "ovs-gre, gre, gretap, vxlan or ovs-vxlan" }.AcceptOnlyFromAmong(TunnelKinds.Words);
        public Option<string?> Key { get; } = new("--key", "--vni") { Description = "GRE key, or the VNI for vxlan/ovs-vxlan (both ends must agree)", HelpName = "N" };
        public Option<string?> Datapath { get; } = new("--datapath") { Description = "OVS datapath: system or netdev (default: netdev if this host's OVS bridges use it)" };
        public Option<bool> DockerBridge { get; } = new("--docker-bridge") { Description = "Also make the bridge Docker's default bridge (daemon.json) on both hosts" };
        public Option<string?> DaemonJson { get; } = ApplyVerb.DaemonJsonOption();
        public Option<string?> PeerDaemonJson { get; } = new("--peer-daemon-json") { Description = "daemon.json path written into the peer's plan", HelpName = "PATH" };
        public Option<string?> Out { get; } = new("--out", "--save") { Description = "Write this host's plan here", HelpName = "PLAN" };
        public Option<string?> PeerOut { get; } = new("--peer-out") { Description = "Write the peer's plan here (carry it over, then nettui apply it there)", HelpName = "PLAN" };
        public Option<bool> Apply { get; } = new("--apply") { Description = "Apply this host's plan now (all or nothing, one change)" };
        public Option<string?> Ansible { get; } = new("--ansible") { Description = "Also write DIR/inventory.yml (both hosts) and DIR/playbook.yml (each host's plan): one ansible-playbook run makes both ends", HelpName = "DIR" };

        public IEnumerable<Option> All => [LocalUnderlay, PeerUnderlay, LocalSubnet, PeerSubnet, Bridge, OvsBridge, Port, Kind, Key, Datapath, DockerBridge, DaemonJson, PeerDaemonJson, Out, PeerOut, Apply, Ansible];

        public TunnelWizardInput Input(ParseResult r) => new()
        {
            LocalUnderlay = r.GetValue(LocalUnderlay)!,
            PeerUnderlay = r.GetValue(PeerUnderlay)!,
            LocalSubnet = r.GetValue(LocalSubnet)!,
            PeerSubnet = r.GetValue(PeerSubnet)!,
            Bridge = r.GetValue(Bridge)!,
            OvsBridge = r.GetValue(OvsBridge)!,
            Port = r.GetValue(Port),
            Kind = TunnelKinds.Parse(r.GetValue(Kind)),
            Key = r.GetValue(Key),
            Datapath = r.GetValue(Datapath),
            DockerBridge = r.GetValue(DockerBridge),
            DaemonJsonPath = r.GetValue(DaemonJson),
            PeerDaemonJsonPath = r.GetValue(PeerDaemonJson),
        };
    }

    private static Command Tunnel(ChangeHost host)
    {
        var cmd = new Command("tunnel", "Join this host's containers to a peer's over GRE or VXLAN: checks, both plans, MTU");
        var o = new TunnelOptions();
        foreach (var opt in o.All) cmd.Add(opt);
        var common = ChangeOptions.AddTo(cmd, host);
        cmd.SetAction((r, ct) => RunTunnelAsync(host, common, o, r, ct));
        return cmd;
    }

    private static Command Teardown(ChangeHost host)
    {
        var cmd = new Command("teardown", "Remove everything an applied plan made (applies PLAN.teardown.json)");
        var plan = new Argument<string>("PLAN") { Description = "The plan that was applied (or its .teardown.json)" };
        var daemonJson = ApplyVerb.DaemonJsonOption();
        cmd.Add(plan);
        cmd.Add(daemonJson);
        var common = ChangeOptions.AddTo(cmd, host);
        cmd.SetAction((r, ct) => ApplyVerb.ApplyFileAsync(host, common, r, PlanFiles.TeardownPath(r.GetValue(plan)!), r.GetValue(daemonJson), ct));
        return cmd;
    }

    private static async Task<int> RunTunnelAsync(ChangeHost host, ChangeOptions common, TunnelOptions o, ParseResult r, CancellationToken ct)
    {
        var json = r.GetValue(common.Json);
        var input = o.Input(r);
        var target = r.GetValue(common.Netns) is { } ns ? new NetworkTarget(ns) : NetworkTarget.Current;
        var ctx = r.GetValue(common.OvsDb) is { } db && OvsDatabase.Parse(db) is { Ok: true } parsed
            ? OperationContext.Default with { Ovs = new OvsConnection(parsed.Get()) } : OperationContext.Default;
        if (input.DaemonJsonPath is { } dj) ctx = ctx with { DaemonJsonPath = dj };

        using var changes = host.Changes(r, target.Namespace, r.GetValue(common.OvsDb));
        var snapshot = await changes.Inventory(target).ReadAsync(ct: ct).ConfigureAwait(false);
        if (input.Kind.IsVxlan()) input = input with { Firewall = await FirewallReader.InputForUdpAsync(changes.Runner(target), UdpPort.Vxlan, ct).ConfigureAwait(false) };
        var result = TunnelWizard.Plan(input, snapshot);
        if (!result.Ok)
            return await RefuseAsync(host, json, result.Errors.Select(e => e.ToString())).ConfigureAwait(false);

        // Both plans, checked step by step: this host's against its snapshot, the peer's against a stand-in.
        var files = changes.Files();
        foreach (var path in result.Local!.Operations.SelectMany(op => op.FilesToRead(ctx)).Distinct())
            ctx = ctx.WithFile(path, await files.ReadAsync(path, ct).ConfigureAwait(false));
        var localCheck = PlanValidator.Check(result.Local.Operations, snapshot, ctx);
        if (!localCheck.Ok)
            return await RefuseAsync(host, json, localCheck.Errors.Select(e => e.ToString())).ConfigureAwait(false);
        var peerCheck = PlanValidator.Check(result.Peer!.Operations, PeerPreviewHost.For(input, snapshot), OperationContext.Default);

        var outPath = r.GetValue(o.Out) ?? (r.GetValue(o.Apply) ? "nettui-tunnel.plan.json" : null);
        if (outPath is not null) await PlanFiles.SaveAsync(outPath, result.Local, ct).ConfigureAwait(false);
        if (r.GetValue(o.PeerOut) is { } peerOut) await PlanFiles.SaveAsync(peerOut, result.Peer, ct).ConfigureAwait(false);
        var ansible = r.GetValue(o.Ansible) is { } dir
            ? await WriteAnsibleAsync(dir, result.Local, result.Peer, input, outPath, r.GetValue(o.PeerOut), ct).ConfigureAwait(false) : ((string Inventory, string Playbook)?)null;

        if (json && !r.GetValue(o.Apply))
        {
            await host.Out.WriteLineAsync(Json.CliJson.Operation(new Json.WizardPlannedDocument("planned", result.Mtu, result.Messages, result.Local, result.Peer, outPath, r.GetValue(o.PeerOut)))).ConfigureAwait(false);
            return 0;
        }
        if (!json)
        {
            await PrintPreviewAsync(host, "this host", localCheck, target).ConfigureAwait(false);
            await PrintPreviewAsync(host, $"the peer ({input.PeerUnderlay})", peerCheck, NetworkTarget.Current).ConfigureAwait(false);
            foreach (var m in result.Messages) await host.Out.WriteLineAsync($"note: {m}").ConfigureAwait(false);
            if (outPath is not null) await host.Out.WriteLineAsync($"this host's plan: {outPath}").ConfigureAwait(false);
            if (r.GetValue(o.PeerOut) is { } p) await host.Out.WriteLineAsync($"the peer's plan: {p} (on the peer: nettui apply {Path.GetFileName(p)})").ConfigureAwait(false);
            if (ansible is not null) await host.Out.WriteLineAsync($"both hosts in one run: ansible-playbook -i {ansible.Value.Inventory} {ansible.Value.Playbook}").ConfigureAwait(false);
        }
        if (!r.GetValue(o.Apply)) return 0;
        return await ApplyVerb.ApplyFileAsync(host, common, r, outPath!, input.DaemonJsonPath, ct).ConfigureAwait(false);
    }

    /// <summary>The inventory and playbook of both ends (Core/Export/Ansible), written 0600 like the plans: they hold tunnel keys.</summary>
    private static async Task<(string Inventory, string Playbook)> WriteAnsibleAsync(string dir, PlanFile local, PlanFile peer, TunnelWizardInput input,
        string? localPath, string? peerPath, CancellationToken ct)
    {
        var files = AnsibleTunnelExport.Write(local, peer, input.LocalUnderlay, input.PeerUnderlay, localPath ?? "this host's plan", peerPath ?? "the peer's plan");
        Directory.CreateDirectory(dir);
        var inventory = Path.Combine(dir, AnsibleTunnelExport.InventoryFile);
        var playbook = Path.Combine(dir, AnsibleTunnelExport.PlaybookFile);
        await SafeFileWriter.WriteAsync(inventory, files.Inventory, ct).ConfigureAwait(false);
        await SafeFileWriter.WriteAsync(playbook, files.Playbook, ct).ConfigureAwait(false);
        return (inventory, playbook);
    }

    private static async Task PrintPreviewAsync(ChangeHost host, string who, PlanCheck check, NetworkTarget target)
    {
        await host.Out.WriteLineAsync($"## plan for {who}").ConfigureAwait(false);
        foreach (var c in check.Operations)
            foreach (var line in PlanPreview.Lines(c.Operation, c.Steps, target))
                await host.Out.WriteLineAsync(line).ConfigureAwait(false);
        foreach (var e in check.Errors) await host.Out.WriteLineAsync($"# (checked on a stand-in peer) {e}").ConfigureAwait(false);
    }

    private static async Task<int> RefuseAsync(ChangeHost host, bool json, IEnumerable<string> errors)
    {
        if (json) await host.Out.WriteLineAsync(Json.CliJson.Operation(Json.RejectedDocument<string>.Of(errors))).ConfigureAwait(false);
        else foreach (var e in errors) await host.Err.WriteLineAsync($"nettui: {e}").ConfigureAwait(false);
        return 2;
    }
}
