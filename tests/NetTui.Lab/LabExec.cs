using System.ComponentModel;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace NetTui.Lab;

/// <summary>
/// Runs one program to completion (argv, never a shell) with a hard timeout: a lab that
/// hangs on a stuck daemon would block the whole suite, so every call is bounded.
/// </summary>
public static class LabExec
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<ExecResult> RunAsync(
        IReadOnlyList<string> argv,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken ct = default)
    {
        if (argv.Count == 0) throw new ArgumentException("empty argv", nameof(argv));
        // LC_ALL=C: error messages are compared by the tests, they must not be translated.
        var env = new Dictionary<string, string?> { ["LC_ALL"] = "C" };
        if (environment is not null)
            foreach (var (k, v) in environment) env[k] = v;

        var cmd = Cli.Wrap(argv[0])
            .WithArguments(argv.Skip(1))
            .WithEnvironmentVariables(env)
            .WithValidation(CommandResultValidation.None);

        var limit = timeout ?? DefaultTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        try
        {
            var r = await cmd.ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, cts.Token).ConfigureAwait(false);
            return new ExecResult(argv, r.ExitCode, r.StandardOutput, r.StandardError);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new LabException($"`{string.Join(' ', argv)}` did not finish within {limit.TotalSeconds:0.#} s (killed)", e);
        }
        catch (Win32Exception e)
        {
            throw new LabException($"{argv[0]}: cannot start ({e.Message}); is it installed?", e);
        }
    }

    public static Task<ExecResult> RunAsync(params string[] argv) => RunAsync(argv, null, null);

    /// <summary>Runs and throws <see cref="LabException"/> on a non-zero exit.</summary>
    public static async Task<ExecResult> CheckedAsync(params string[] argv) =>
        (await RunAsync(argv, null, null).ConfigureAwait(false)).EnsureSuccess();
}
