using NetTui.Core.Plans;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// The tunnel wizard's two plans as one Ansible run: an inventory with both hosts (each's
/// underlay address as ansible_host and as nettui_underlay, the other's as
/// nettui_peer_underlay) and a playbook with a play per host applying that host's plan. This
/// host is named as its plan says (metadata.forHost), the peer by its underlay address.
/// </summary>
public static class AnsibleTunnelExport
{
    public const string InventoryFile = "inventory.yml";
    public const string PlaybookFile = "playbook.yml";

    public sealed record Files(string LocalName, string PeerName, string Inventory, string Playbook);

    public static Files Write(PlanFile local, PlanFile peer, string localUnderlay, string peerUnderlay, string localPlanName, string peerPlanName)
    {
        var localName = local.Metadata.ForHost is { Length: > 0 } h && h.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') ? h : "local";
        var peerName = peerUnderlay == localName ? "peer" : peerUnderlay;
        static YamlMap Vars(string self, string other) => YamlMap.Of(
            ("ansible_host", self), ("nettui_underlay", self), ("nettui_peer_underlay", other));
        var inventory = YamlEmitter.Write(YamlMap.Of(("all", YamlMap.Of(("children", YamlMap.Of(("nettui_tunnel", YamlMap.Of(("hosts", YamlMap.Of(
                (localName, Vars(localUnderlay, peerUnderlay)),
                (peerName, Vars(peerUnderlay, localUnderlay))))))))))),
            $"Written by nettui wizard tunnel: the two ends of the tunnel {localUnderlay} <-> {peerUnderlay}.\n"
            + "Set how Ansible reaches each host (ansible_host, ansible_user...) here or in host_vars/.");
        var playbook = AnsiblePlay.Playbook(
            [
                AnsibleExport.Play(new NamedPlan(localPlanName, local), localName, 1),
                AnsibleExport.Play(new NamedPlan(peerPlanName, peer), peerName, 2),
            ],
            $"Written by nettui wizard tunnel: both ends of the tunnel {localUnderlay} <-> {peerUnderlay} in one run.\n"
            + $"Run: ansible-playbook -i {InventoryFile} {PlaybookFile} [--check]\n"
            + "Needs the community.general and openvswitch.openvswitch collections (Debian's ansible package ships both).");
        return new Files(localName, peerName, inventory, playbook);
    }
}
