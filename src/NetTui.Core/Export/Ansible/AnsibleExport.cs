using NetTui.Core.Plans;

namespace NetTui.Core.Export.Ansible;

/// <summary>A plan file to export, with the name it is reported under (its path).</summary>
public sealed record NamedPlan(string Name, PlanFile Plan);

/// <summary>
/// `nettui export ansible`: plan files → one playbook, a play per plan in the order given.
/// A plan is checked without a host (the target is elsewhere): every field must parse and
/// every operation must be one the export knows; the first error of each plan is reported as
/// `nettui apply` reports it ("operations[1] (ovs.gre.add).remote: ...").
/// </summary>
public static class AnsibleExport
{
    public const string DefaultHosts = "{{ nettui_hosts | default('all') }}";

    public static IReadOnlyList<string> Check(IEnumerable<NamedPlan> plans)
    {
        var errors = new List<string>();
        foreach (var (name, plan) in plans)
            for (var i = 0; i < plan.Operations.Length; i++)
            {
                var op = plan.Operations[i];
                if (!AnsibleMapper.Supports(op))
                {
                    errors.Add($"{name}: {new PlanError($"operations[{i}] ({op.Kind})", "a persistence step of one host's journal; export the plan it came from")}");
                    break;
                }
                if (op.CheckFields() is [var first, ..])
                {
                    errors.Add($"{name}: {new PlanError($"operations[{i}] ({op.Kind}).{first.Field}", first.Message)}");
                    break;
                }
            }
        return errors;
    }

    /// <summary>The play for one plan; <paramref name="index"/> keeps the registered variables of plays apart.</summary>
    public static AnsiblePlay Play(NamedPlan plan, string hosts, int index = 1)
    {
        var description = plan.Plan.Metadata.Description is { } d ? $": {d}" : "";
        var body = AnsibleMapper.Map(plan.Plan.Operations, $"nettui_p{index}");
        return new AnsiblePlay($"NetTui plan {Path.GetFileName(plan.Name)}{description}", hosts,
            body with { Notes = [.. plan.Plan.Messages, .. body.Notes] });
    }

    public static string Playbook(IReadOnlyList<NamedPlan> plans, string hosts = DefaultHosts) =>
        AnsiblePlay.Playbook(plans.Select((p, i) => Play(p, hosts, i + 1)), Header(plans.Select(p => p.Name)));

    public static string Header(IEnumerable<string> sources) =>
        "Written by nettui export ansible from " + string.Join(", ", sources.Select(Path.GetFileName)) + ".\n"
        + "Run: ansible-playbook -i INVENTORY playbook.yml [--check] [-e nettui_hosts=GROUP]\n"
        + "Needs the community.general and openvswitch.openvswitch collections (Debian's ansible package ships both).";
}
