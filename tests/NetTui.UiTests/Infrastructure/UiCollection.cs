namespace NetTui.UiTests.Infrastructure;

/// <summary>
/// Terminal.Gui keeps some state in statics (glyphs, default key bindings, configuration):
/// tests that run an application do so one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UiCollection
{
    public const string Name = "Terminal.Gui";
}
