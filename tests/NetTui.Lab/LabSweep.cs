namespace NetTui.Lab;

/// <summary>
/// Removes what killed lab runs left behind: <c>ntl-*</c> namespaces and state dirs, and the
/// daemons they started (found by pid files and by namespace membership, and only ended
/// when their command line names the lab dir or they live in a lab namespace).
/// A namespace whose owner (the test process that made it) is still alive belongs to a
/// run in progress, maybe a parallel one, and is left alone. Mirrors tests/lab-sweep.sh.
/// </summary>
public static class LabSweep
{
    /// <summary>Cleans every stale lab namespace; returns the names it removed.</summary>
    public static async Task<IReadOnlyList<string>> SweepStaleAsync()
    {
        var removed = new List<string>();
        foreach (var name in await ListLabNamesAsync().ConfigureAwait(false))
        {
            if (OwnerAlive(name)) continue;
            await CleanAsync(name).ConfigureAwait(false);
            removed.Add(name);
        }
        return removed;
    }

    /// <summary>Lab names known either as a namespace or as a state dir.</summary>
    public static async Task<IReadOnlyList<string>> ListLabNamesAsync()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ns in await ListNamespacesAsync().ConfigureAwait(false))
            if (ns.StartsWith(LabPaths.Prefix, StringComparison.Ordinal)) names.Add(ns);
        if (Directory.Exists(LabPaths.BaseDir))
            foreach (var d in Directory.GetDirectories(LabPaths.BaseDir))
                if (Path.GetFileName(d).StartsWith(LabPaths.Prefix, StringComparison.Ordinal)) names.Add(Path.GetFileName(d));
        return [.. names];
    }

    /// <summary>Names from `ip netns list` ("NAME (id: N)" per line).</summary>
    public static async Task<IReadOnlyList<string>> ListNamespacesAsync()
    {
        var r = await LabExec.RunAsync(["ip", "netns", "list"], null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')[0].Trim()).Where(n => n.Length > 0).ToList();
    }

    public static bool OwnerAlive(string name)
    {
        var owner = LabSignals.ReadPidFile(LabPaths.OwnerFile(name));
        return owner is { } pid && pid != 0 && LabSignals.IsAlive(pid);
    }

    /// <summary>Ends the daemons of one lab host and removes its namespace and state dir.</summary>
    public static async Task CleanAsync(string name)
    {
        var dir = LabPaths.StateDir(name);
        if (Directory.Exists(dir))
        {
            // Containers live in namespaces of their own (bind-mounted under docker/exec/netns).
            foreach (var nsFile in SafeFiles(Path.Combine(dir, "docker", "exec", "netns")))
                await KillNetnsMembersAsync(nsFile).ConfigureAwait(false);
            foreach (var pidFile in Directory.EnumerateFiles(dir, "*.pid", SearchOption.AllDirectories))
                if (LabSignals.ReadPidFile(pidFile) is { } pid)
                    await LabSignals.StopOwnedAsync(pid, dir, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        var nsPath = $"/run/netns/{name}";
        if (File.Exists(nsPath))
        {
            await KillNetnsMembersAsync(nsPath).ConfigureAwait(false);
            await LabExec.RunAsync(["ip", "netns", "del", name], null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        await LabCleanup.UnmountUnderAsync(dir).ConfigureAwait(false);
        LabCleanup.DeleteTree(dir);
    }

    /// <summary>SIGKILLs every process whose network namespace is the one <paramref name="nsFile"/> names.</summary>
    private static async Task KillNetnsMembersAsync(string nsFile)
    {
        var stat = await LabExec.RunAsync(["stat", "-L", "-c", "%i", nsFile], null, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        if (!stat.Succeeded) return;
        var wanted = $"net:[{stat.StandardOutput.Trim()}]";
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || pid == Environment.ProcessId) continue;
            string? target;
            try { target = new FileInfo(Path.Combine(proc, "ns", "net")).LinkTarget; }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // Everything in a lab namespace was started by the lab: no command-line check.
            if (target == wanted) LabSignals.SignalIfOwned(pid, "", LabSignals.SigKill);
        }
    }

    private static IEnumerable<string> SafeFiles(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir) : [];
}
