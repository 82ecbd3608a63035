namespace NetTui;

public static class Program
{
    public static Task<int> Main(string[] args) => Cli.NetTuiCli.RunAsync(args);
}
