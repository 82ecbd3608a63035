using NetTui.Core.Export;

namespace NetTui.UnitTests.Export;

/// <summary>The hand-written YAML emitter: strings always double-quoted, so no value changes type or structure.</summary>
public sealed class YamlEmitterTests
{
    [Fact]
    public void Nested_maps_lists_and_flow_lists_print_as_block_yaml()
    {
        var doc = YamlMap.Of(
            ("a", "x"), ("n", 42L), ("b", true), ("empty", YamlMap.Of()), ("none", YamlList.Of()),
            ("argv", YamlList.Of("ip", "link")),
            ("items", YamlList.Of(YamlMap.Of(("k", "v"), ("m", YamlMap.Of(("z", 1L)))), "s")));
        Assert.Equal("""
            # top
            ---
            a: "x"
            n: 42
            b: true
            empty: {}
            none: []
            argv: ["ip", "link"]
            items:
              - k: "v"
                m:
                  z: 1
              - "s"

            """.Replace("\r", "", StringComparison.Ordinal), YamlEmitter.Write(doc, "top"));
    }

    [Theory]
    [InlineData("yes", "\"yes\"")]
    [InlineData("0755", "\"0755\"")]
    [InlineData("a: b # c", "\"a: b # c\"")]
    [InlineData("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [InlineData("line\nnext\ttab", "\"line\\nnext\\ttab\"")]
    [InlineData("bell\u0007esc\u001b", "\"bell\\u0007esc\\u001b\"")]
    public void Strings_are_quoted_and_escaped(string value, string expected) => Assert.Equal(expected, YamlEmitter.Quote(value));

    [Fact]
    public void Keys_that_are_not_plain_words_are_quoted() =>
        Assert.Equal("---\n\"host a\": 1\nhost-b: 2\n", YamlEmitter.Write(YamlMap.Of(("host a", 1L), ("host-b", 2L))));

    [Fact]
    public void Comment_lines_cannot_break_out_of_the_comment() =>
        Assert.StartsWith("# one\n# two: x\n---\n", YamlEmitter.Write(YamlMap.Of(("a", 1L)), "one\r\ntwo: x"), StringComparison.Ordinal);
}
