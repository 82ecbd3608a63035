using System.CommandLine;
using System.Text.Json;
using NetTui.Core.Operations;
using NetTui.Host.Changes;

namespace NetTui.Cli.Verbs;

/// <summary>
/// `nettui apply PLAN.json`: a change-set from a file (one operation, or an array of them,
/// in the JSON shape of <see cref="OperationJson"/>, e.g. what `--json` printed as
/// "operation" or "inverse"), applied all or nothing.
/// </summary>
public static class ApplyVerbs
{
    public static Command Create(ChangeHost host)
    {
        var cmd = new Command("apply", "Apply the operations of a JSON plan file as one all-or-nothing change");
        var file = new Argument<string>("PLAN") { Description = "JSON file: an operation object or an array of them (\"-\" for stdin)" };
        cmd.Add(file);
        var common = ChangeOptions.AddTo(cmd, host);
        cmd.SetAction(async (r, ct) =>
        {
            IReadOnlyList<Operation> ops;
            try
            {
                var path = r.GetValue(file)!;
                var text = path == "-" ? await Console.In.ReadToEndAsync(ct).ConfigureAwait(false) : await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
                ops = Parse(text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
            {
                await host.Err.WriteLineAsync($"nettui: plan: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
                return 2;
            }
            if (ops.Count == 0)
            {
                await host.Err.WriteLineAsync("nettui: plan: no operations").ConfigureAwait(false);
                return 2;
            }
            return await ChangeVerb.RunAsync(host, common, r, ops, ct).ConfigureAwait(false);
        });
        return cmd;
    }

    /// <summary>One operation object or an array of them.</summary>
    public static IReadOnlyList<Operation> Parse(string json)
    {
        var trimmed = json.TrimStart();
        if (trimmed.StartsWith('['))
            return JsonSerializer.Deserialize<List<Operation>>(json, OperationJson.Options)?.Where(o => o is not null).ToList() ?? [];
        return OperationJson.Deserialize(json) is { } op ? [op] : [];
    }
}
