using NetTui.History;

namespace NetTui.UnitTests.History;

public class HistoryLocationTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Key == name).Value;

    [Fact]
    public void The_command_line_path_wins_over_everything() =>
        Assert.Equal("/tmp/cli.db", HistoryLocation.Resolve("/tmp/cli.db", Env(("NETTUI_HISTORY", "/tmp/env.db")), isRoot: true, home: "/root"));

    [Fact]
    public void The_environment_variable_comes_next() =>
        Assert.Equal("/tmp/env.db", HistoryLocation.Resolve(null, Env(("NETTUI_HISTORY", "/tmp/env.db")), isRoot: true, home: "/root"));

    [Fact]
    public void Root_uses_the_per_host_default() =>
        Assert.Equal("/var/lib/nettui/history.db", HistoryLocation.Resolve(null, Env(), isRoot: true, home: "/root"));

    [Fact]
    public void Other_users_use_xdg_state_home() =>
        Assert.Equal("/home/alice/.state/nettui/history.db",
            HistoryLocation.Resolve(null, Env(("XDG_STATE_HOME", "/home/alice/.state")), isRoot: false, home: "/home/alice"));

    [Theory]
    [InlineData(null)]
    [InlineData("relative/state")]
    public void Without_a_valid_xdg_state_home_it_is_under_local_state(string? xdg) =>
        Assert.Equal("/home/alice/.local/state/nettui/history.db",
            HistoryLocation.Resolve(null, Env(xdg is null ? [] : [("XDG_STATE_HOME", xdg)]), isRoot: false, home: "/home/alice"));
}
