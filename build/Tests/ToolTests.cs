using Cheeger.Build.Engine;

namespace Cheeger.Build.Tests;

public sealed class ToolTests
{
    [Fact]
    public async Task A_non_zero_exit_code_fails_with_the_tool_name_and_code()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => Tool.RunAsync("sh", ["-c", "exit 3"]));

        Assert.Equal("sh", failure.Tool);
        Assert.Equal(3, failure.ExitCode);
        Assert.StartsWith("sh exited with code 3: sh -c 'exit 3'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_lines_are_passed_on_as_they_come()
    {
        var lines = new List<string>();

        await Tool.RunAsync("sh", ["-c", "echo one; echo two >&2; echo three"], onOutput: lines.Add);

        Assert.Equal(["one", "three"], lines.Where(l => l != "two"));
        Assert.Contains("two", lines);
    }

    [Fact]
    public async Task Capture_returns_standard_output()
    {
        var output = await Tool.CaptureAsync("sh", ["-c", "printf 'a b'"]);

        Assert.Equal("a b", output);
    }

    [Fact]
    public async Task Environment_variables_reach_the_tool()
    {
        var lines = new List<string>();

        await Tool.RunAsync("sh", ["-c", "echo \"$CHEEGER_BUILD_TEST\""], environment: new Dictionary<string, string?> { ["CHEEGER_BUILD_TEST"] = "seen" }, onOutput: lines.Add);

        Assert.Equal(["seen"], lines);
    }

    [Fact]
    public async Task A_missing_tool_fails_with_a_build_failure_naming_it()
    {
        var failure = await Assert.ThrowsAsync<BuildFailedException>(() => Tool.RunAsync("cheeger-no-such-tool", []));

        Assert.Contains("cheeger-no-such-tool could not be started", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindOnPath_finds_sh_and_not_a_missing_tool()
    {
        Assert.NotNull(Tool.FindOnPath("sh"));
        Assert.Null(Tool.FindOnPath("cheeger-no-such-tool"));
    }

    [Theory]
    [InlineData(new[] { "--build", "artifacts/native", "-j", "2" }, "cmake --build artifacts/native -j 2")]
    [InlineData(new[] { "--filter", "*" }, "cmake --filter '*'")]
    [InlineData(new[] { "a b", "it's" }, "cmake 'a b' 'it'\\''s'")]
    public void Command_lines_are_printed_as_a_shell_would_take_them(string[] arguments, string expected)
    {
        Assert.Equal(expected, Tool.FormatCommandLine("cmake", arguments));
    }
}
