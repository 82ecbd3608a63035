using System.Diagnostics;
using System.Runtime.CompilerServices;
using NetTui.History.Journaling;
using NetTui.History.Storage;

namespace NetTui.UnitTests.History;

/// <summary>
/// A second, real NetTui-like process for the crash, lock and concurrency tests: this test
/// assembly started again with <see cref="ModeVariable"/> set. The module initializer runs
/// before xunit's generated Main, does the child's job with the real journal code, and exits,
/// so no extra project or script is needed and the child is as cheap as a runtime start.
/// </summary>
public static class ChildJournalProcess
{
    public const string ModeVariable = "NETTUI_HISTORY_TEST_CHILD";
    private const string DbVariable = "NETTUI_HISTORY_TEST_DB";
    private const string CountVariable = "NETTUI_HISTORY_TEST_COUNT";
    private const string TagVariable = "NETTUI_HISTORY_TEST_TAG";

    // A test assembly is an application here (xunit v3 builds an executable), which is what
    // module initializers are meant for; the analyzer cannot tell.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunIfChild()
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable);
        if (string.IsNullOrEmpty(mode)) return;
        int code;
        try
        {
            code = Run(mode);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            code = 3;
        }
        Console.Out.Flush();
        Environment.Exit(code);
    }

    // Deliberately synchronous: while the module initializer runs, any code of this assembly
    // started on another thread (an async continuation of a test-assembly method) would wait
    // for the initializer to finish, i.e. forever. Blocking on the library's tasks keeps all
    // test-assembly code on this thread; the library's own continuations (ConfigureAwait(false))
    // run in its assembly.
    private static int Run(string mode)
    {
        var journal = new Journal(JournalDatabase.Open(Environment.GetEnvironmentVariable(DbVariable)!));
        switch (mode)
        {
            case "hold":
                // Mid-change: lock held, change-set pending, step 1 applied, step 2 started; then wait to be SIGKILLed.
                var lease = journal.AcquireApplyLockAsync("bridge add br-child", TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
                var id = journal.BeginChangeSetAsync(lease, new NewChangeSet("bridge add br-child", "lab"),
                    [JournalScript.Step("bridge-add", "br-child"), JournalScript.Step("address-add", "br-child 10.9.0.1/24")]).GetAwaiter().GetResult();
                journal.RecordCommandAsync(id, 1, JournalScript.Command("ip link add br-child type bridge")).GetAwaiter().GetResult();
                journal.RecordStepAsync(id, 1, StepStatus.Applied).GetAwaiter().GetResult();
                journal.StartStepAsync(id, 2).GetAwaiter().GetResult();
                Console.WriteLine($"READY {id}");
                Console.Out.Flush();
                Thread.Sleep(Timeout.Infinite);
                return 0;

            case "write":
                var count = int.Parse(Environment.GetEnvironmentVariable(CountVariable)!, System.Globalization.CultureInfo.InvariantCulture);
                var tag = Environment.GetEnvironmentVariable(TagVariable)!;
                for (var i = 0; i < count; i++)
                    ApplySync(journal, $"{tag}-{i}", "step-a", "step-b", "step-c");
                Console.WriteLine("DONE");
                return 0;

            default:
                Console.Error.WriteLine($"unknown child mode {mode}");
                return 2;
        }
    }

    /// <summary>The same sequence as <see cref="JournalScript.ApplyAsync(Journal, string, string[])"/>, blocking.</summary>
    private static void ApplySync(Journal journal, string summary, params string[] steps)
    {
        using var lease = journal.AcquireApplyLockAsync(summary, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        var id = journal.BeginChangeSetAsync(lease, new NewChangeSet(summary, "lab"),
            steps.Select(s => JournalScript.Step("op", s)).ToList()).GetAwaiter().GetResult();
        for (var i = 1; i <= steps.Length; i++)
            journal.RecordStepAsync(id, i, StepStatus.Applied, [JournalScript.Command($"ip link {steps[i - 1]}")]).GetAwaiter().GetResult();
        journal.CompleteAsync(id, ChangeSetStatus.Applied).GetAwaiter().GetResult();
    }

    public static Process Start(string mode, string dbPath, int count = 0, string tag = "")
    {
        var dll = typeof(ChildJournalProcess).Assembly.Location;
        var apphost = Path.ChangeExtension(dll, null);
        var current = Environment.ProcessPath ?? "dotnet";
        // Same host as this test run: `dotnet test.dll` when run through the muxer, else the apphost.
        var psi = Path.GetFileNameWithoutExtension(current) == "dotnet" || !File.Exists(apphost)
            ? new ProcessStartInfo(Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet", [dll])
            : new ProcessStartInfo(apphost);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.Environment[ModeVariable] = mode;
        psi.Environment[DbVariable] = dbPath;
        psi.Environment[CountVariable] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment[TagVariable] = tag;
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the child process");
    }

    /// <summary>Reads the child's stdout until "READY id"; fails with its stderr if it exits first.</summary>
    public static async Task<long> WaitReadyAsync(Process child, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await child.StandardOutput.ReadLineAsync(cts.Token);
            if (line is null)
                throw new InvalidOperationException($"child exited before READY: {await child.StandardError.ReadToEndAsync(cts.Token)}");
            if (line.StartsWith("READY ", StringComparison.Ordinal)) return long.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
