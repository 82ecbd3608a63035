using System.Collections.Immutable;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Values;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// Turns a plan's operations into Ansible tasks (docs/ansible.md has the table). Pure: the
/// target host is not known here, so what the plan itself makes decides the module —
/// a bridge, GRE tunnel or VXLAN it creates is a NetworkManager profile (community.general.nmcli),
/// an OVS bridge or port is OVSDB (openvswitch.openvswitch), and what neither holds (an OVS
/// internal port as a Linux bridge's port, addresses on interfaces the plan did not make)
/// becomes guarded commands. Operations must have passed <see cref="Operation.CheckFields"/>.
/// </summary>
public static class AnsibleMapper
{
    /// <summary>Operations the export understands; the persistence wrappers only exist in the journal of one host.</summary>
    public static bool Supports(Operation op) => op is not (PersistedOperation or MakePersistent or ForgetProfiles);

    public static AnsibleTasks Map(IEnumerable<Operation> ops, string registerPrefix = "nettui_check")
    {
        var m = new Mapping(registerPrefix);
        foreach (var op in ops) m.Add(op);
        return m.Build();
    }

    private sealed class Mapping(string prefix)
    {
        private readonly List<object> slots = []; // ImmutableArray<AnsibleTask> or ProfileDraft
        private readonly Dictionary<string, ProfileDraft> profiles = [];
        private readonly HashSet<string> ovsInterfaces = [];
        private readonly List<string> notes = [];
        private bool docker;
        private int n;

        private string Reg() => $"{prefix}_{++n}";

        private void Emit(params IEnumerable<AnsibleTask> tasks) => slots.Add(tasks.ToImmutableArray());

        private void Profile(ProfileDraft d)
        {
            profiles[d.Interface] = d;
            slots.Add(d);
        }

        private void Forget(string iface)
        {
            if (profiles.Remove(iface, out var d)) slots.Remove(d);
        }

        public void Add(Operation op)
        {
            switch (op)
            {
                case CreateBridge c:
                    Profile(ProfileDraft.Bridge(c));
                    foreach (var port in c.Ports) Attach(c.Name, port);
                    foreach (var r in c.Routes) Route(r);
                    if (!c.Up) notes.Add($"{c.Name} is brought up by NetworkManager; the plan's \"up\": false is not kept");
                    break;
                case AttachToBridge a: Attach(a.Bridge, a.Interface); break;
                case DetachFromBridge d:
                    if (profiles.ContainsKey(d.Interface)) Forget(d.Interface);
                    else Emit([.. NmcliTasks.Absent(d.Interface), .. RuntimeTasks.Detach(d.Interface, Reg())]);
                    break;
                case AddAddress a:
                    var prefix = IpPrefix.Parse(a.Address).Get();
                    if (profiles.TryGetValue(a.Interface, out var p) && p.CarriesIp) p.Addresses.Add(prefix);
                    else Emit(RuntimeTasks.Address(a.Interface, prefix, add: true, Reg()));
                    foreach (var r in a.Routes) Route(r);
                    break;
                case RemoveAddress r:
                    var gone = IpPrefix.Parse(r.Address).Get();
                    if (profiles.TryGetValue(r.Interface, out var rp) && rp.Addresses.Remove(gone)) break;
                    Emit(RuntimeTasks.Address(r.Interface, gone, add: false, Reg()));
                    break;
                case AddRoute r: Route(r); break;
                case DeleteRoute r:
                    if (r.Dev is not null && profiles.TryGetValue(r.Dev, out var dp)
                        && dp.Routes.Remove(PersistentPlanner.RouteSpec(new AddRoute(r.Destination, r.Via, r.Dev, r.Metric, r.Table))!)) break;
                    Emit(RuntimeTasks.Route(r.Destination, r.Via, r.Dev, r.Metric, r.Table, add: false, Reg()));
                    break;
                case SetMtu m:
                    var mtu = Mtu.Parse(m.Mtu).Get().Value;
                    if (profiles.TryGetValue(m.Interface, out var mp) && mp.CarriesIp) mp.Mtu = (uint)mtu;
                    else if (ovsInterfaces.Contains(m.Interface)) Emit(OvsTasks.Mtu(m.Interface, mtu));
                    else Emit(RuntimeTasks.Mtu(m.Interface, mtu, Reg()));
                    break;
                case SetLinkState s:
                    // NetworkManager brings its profiles' devices up; anything else is set at runtime.
                    if (!(s.Up && profiles.ContainsKey(s.Interface))) Emit(RuntimeTasks.State(s.Interface, s.Up, Reg()));
                    foreach (var r in s.Routes) Route(r);
                    break;
                case CreateOvsBridge b:
                    ovsInterfaces.Add(b.Name);
                    Emit(OvsTasks.Bridge(b));
                    foreach (var port in b.Ports) OvsPort(port);
                    foreach (var a in b.Addresses) Emit(RuntimeTasks.Address(b.Name, IpPrefix.Parse(a).Get(), add: true, Reg()));
                    if (b.Master is not null) Attach(b.Master, b.Name);
                    if (b.Up is { } up) Emit(RuntimeTasks.State(b.Name, up, Reg()));
                    break;
                case AddOvsPort port: OvsPort(port); break;
                case AddOvsGrePort g: OvsPort(g.AsPort()); break;
                case AddOvsVxlanPort v: OvsPort(v.AsPort()); break;
                case DeleteOvsBridge b: Emit(OvsTasks.BridgeAbsent(b.Name)); break;
                case DeleteOvsPort dp2: Emit(OvsTasks.PortAbsent(dp2.Bridge, dp2.Port)); break;
                case CreateIpTunnel t: Profile(ProfileDraft.Tunnel(t)); break;
                case CreateVxlan v:
                    Profile(ProfileDraft.Vxlan(v));
                    if (!v.Up) notes.Add($"{v.Name} is brought up by NetworkManager; the plan's \"up\": false is not kept");
                    break;
                case DeleteBridge d: Delete(d.Name); notes.Add($"deleting {d.Name} leaves the profiles of its ports on the target (nmcli connection delete them if they were NetTui's)"); break;
                case DeleteIpTunnel d: Delete(d.Name); break;
                case DeleteVxlan d: Delete(d.Name); break;
                case SetDockerDefaultBridge s:
                    docker = true;
                    Emit(DockerTasks.SetBridge(s, Reg()));
                    break;
                default:
                    throw new NotSupportedException($"{op.Kind} cannot be exported to Ansible");
            }
        }

        private void Attach(string bridge, string iface)
        {
            // An OVS internal port is a tap device Debian's NetworkManager cannot hold: runtime, as `nettui apply` does it.
            if (ovsInterfaces.Contains(iface)) Emit(RuntimeTasks.Attach(bridge, iface, Reg()));
            else Profile(ProfileDraft.Port(bridge, iface));
        }

        private void OvsPort(AddOvsPort p)
        {
            if (OvsToken.PortType(p.Type).Get() == "internal") ovsInterfaces.Add(p.Port);
            Emit(OvsTasks.Port(p));
        }

        private void Route(AddRoute r)
        {
            // As `nettui apply` does: a route without a device goes in the profile whose subnet holds its gateway.
            var via = r.Via is null ? null : IpAddress.Parse(r.Via).Get().Value;
            var owner = r.Dev is not null
                ? profiles.GetValueOrDefault(r.Dev)
                : profiles.Values.FirstOrDefault(d => via is not null && d.Addresses.Any(a => a.Contains(via)));
            if (owner is { CarriesIp: true } && PersistentPlanner.RouteSpec(r) is { } spec)
                owner.Routes.Add(spec);
            else Emit(RuntimeTasks.Route(r.Destination, r.Via, r.Dev, r.Metric, r.Table, add: true, Reg()));
        }

        private void Delete(string name)
        {
            Forget(name);
            Emit([.. NmcliTasks.Absent(name), .. RuntimeTasks.DeleteLink(name, Reg())]);
        }

        public AnsibleTasks Build()
        {
            var tasks = ImmutableArray.CreateBuilder<AnsibleTask>();
            var handlers = new List<AnsibleTask>();
            foreach (var slot in slots)
            {
                if (slot is ImmutableArray<AnsibleTask> fixedTasks) { tasks.AddRange(fixedTasks); continue; }
                var profile = NmcliTasks.Present(((ProfileDraft)slot).Settings, Reg);
                tasks.AddRange(profile.Tasks);
                handlers.AddRange(profile.Handlers);
            }
            if (docker) handlers.Add(DockerTasks.Restart());
            return new AnsibleTasks(tasks.ToImmutable(), [.. handlers.DistinctBy(h => h.Name)], [.. notes.Distinct()]);
        }
    }
}
