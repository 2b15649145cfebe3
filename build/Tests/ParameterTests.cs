namespace Cheeger.Build.Tests;

public sealed class ParameterTests
{
    [Fact]
    public async Task Parameters_come_from_the_command_line()
    {
        var build = new TestBuild();

        var (outcome, _) = await build.RunAsync(["Restore", "--flavor", "spicy", "--count=3", "--loud", "--tags", "a", "b", "--mode", "debug"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("spicy", build.Flavor);
        Assert.Equal(3, build.Count);
        Assert.True(build.Loud);
        Assert.Equal(["a", "b"], build.Tags);
        Assert.Equal(Configuration.Debug, build.Mode);
    }

    [Fact]
    public async Task Parameters_come_from_the_environment_when_the_command_line_has_none()
    {
        var build = new TestBuild();
        var environment = new Dictionary<string, string> { ["FLAVOR"] = "mild sauce", ["COUNT"] = "7", ["LOUD"] = "true", ["TAGS"] = "x y" };

        await build.RunAsync(["Restore"], environment);

        Assert.Equal("mild sauce", build.Flavor);
        Assert.Equal(7, build.Count);
        Assert.True(build.Loud);
        Assert.Equal(["x", "y"], build.Tags);
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment()
    {
        var build = new TestBuild();

        await build.RunAsync(["Restore", "--flavor", "cli"], new Dictionary<string, string> { ["FLAVOR"] = "environment" });

        Assert.Equal("cli", build.Flavor);
    }

    [Fact]
    public async Task Defaults_stay_when_nothing_sets_a_parameter()
    {
        var build = new TestBuild();

        await build.RunAsync(["Restore"]);

        Assert.Equal("plain", build.Flavor);
        Assert.Equal(1, build.Count);
        Assert.False(build.Loud);
    }

    [Theory]
    [InlineData(new[] { "--flavour", "x" }, "Unknown option --flavour")]
    [InlineData(new[] { "--count", "many" }, "--count: 'many' is not a valid value (expected int32)")]
    [InlineData(new[] { "--mode", "Fast" }, "--mode: 'Fast' is not a valid value (expected Release | Debug)")]
    [InlineData(new[] { "--flavor" }, "--flavor takes one value, got 0")]
    [InlineData(new[] { "--flavor", "a", "--flavor", "b" }, "Option --flavor is given twice")]
    public async Task Bad_options_fail_before_anything_runs_with_one_clear_message(string[] options, string message)
    {
        var build = new TestBuild();

        var (outcome, output) = await build.RunAsync(["Restore", .. options]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}
