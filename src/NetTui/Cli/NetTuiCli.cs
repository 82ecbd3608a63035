namespace NetTui.Cli;

public static class NetTuiCli
{
    public static Task<int> RunAsync(string[] args) =>
        args.Length == 0 || args[0] is "tui" ? Tui.TuiApp.RunAsync(Tui.TuiOptions.Parse(args) ?? new Tui.TuiOptions()) : Task.FromResult(0);
}
