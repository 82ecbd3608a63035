namespace NetTui.Cli;

public static class NetTuiCli
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
