using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Core.Persisting.Netplan;
using NetTui.Files;
using NetTui.Host.Changes;
using NetTui.Host.Commands;

namespace NetTui.Host.Persisting;

/// <summary>
/// Runs <see cref="NetplanCheckStep"/>s: the /etc/netplan files as they will be are written to a
/// scratch root (0700, each file 0600, through the one safe writer), `netplan generate
/// --root-dir` renders them there (it writes nothing outside it), and a file netplan rejects
/// fails the step with netplan's first error line, its scratch path turned back into the
/// host's. The scratch directory is removed either way.
/// </summary>
public sealed class NetplanCheckHandler(ICommandRunner runner) : IPlanStepHandler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool Handles(PlanStep step) => step is NetplanCheckStep;

    public Task<string?> UndoAsync(PlanStep step) => Task.FromResult<string?>(null);

    public async Task<string?> DoAsync(PlanStep step, CancellationToken ct)
    {
        var check = (NetplanCheckStep)step;
        var scratch = Directory.CreateTempSubdirectory("nettui-netplan-").FullName;
        try
        {
            foreach (var f in check.Files)
            {
                var path = scratch + f.Path;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await SafeFileWriter.WriteAsync(path, f.Text, SafeFileWriter.OwnerOnly, ct).ConfigureAwait(false);
            }
            var result = await runner.RunAsync(new CommandSpec("netplan", ["generate", "--root-dir", scratch], Timeout, InTargetNamespace: false), ct).ConfigureAwait(false);
            return result.Succeeded ? null : Rejection(result.StandardError + "\n" + result.StandardOutput, scratch);
        }
        catch (CommandNotFoundException)
        {
            return "netplan is not installed, so NetTui cannot check the file with netplan generate; nothing was written";
        }
        catch (CommandTimeoutException)
        {
            return $"netplan generate did not finish within {Timeout.TotalSeconds:0} s; nothing was written";
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>netplan's first error line ("/etc/netplan/F.yaml:L:C: Error in network definition: ..."), with the host's path.</summary>
    public static string Rejection(string output, string scratch)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.FirstOrDefault(l => l.Contains("Error", StringComparison.Ordinal))
                   ?? lines.FirstOrDefault(l => !l.Contains("WARNING", StringComparison.Ordinal)) ?? "netplan generate failed";
        return $"netplan rejects the files: {line.Replace(scratch, "", StringComparison.Ordinal)}; nothing was written";
    }
}
