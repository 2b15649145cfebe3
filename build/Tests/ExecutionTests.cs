using Cheeger.Build.Engine;

namespace Cheeger.Build.Tests;

public sealed class ExecutionTests
{
    [Fact]
    public async Task Runs_the_default_target_after_its_dependencies()
    {
        var build = new TestBuild();

        var (outcome, _) = await build.RunAsync([]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
    }

    [Fact]
    public async Task Runs_dependencies_once_in_declaration_order()
    {
        var build = new TestBuild();

        var (outcome, _) = await build.RunAsync(["Test", "Compile"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Restore", "Compile", "Clean", "Test"], build.Ran);
        Assert.All(outcome.Results, r => Assert.Equal(TargetStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task Target_names_ignore_case()
    {
        var build = new TestBuild();

        var (outcome, _) = await build.RunAsync(["restore"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Restore"], build.Ran);
    }

    [Fact]
    public async Task Skip_with_names_skips_those_targets_only()
    {
        var build = new TestBuild();

        var (outcome, _) = await build.RunAsync(["Test", "--skip", "restore", "Clean"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Ran);
        Assert.Equal(TargetStatus.Skipped, outcome.Results.Single(r => r.Name == "Restore").Status);
    }

    [Fact]
    public async Task Skip_alone_runs_only_the_invoked_targets()
    {
        var build = new TestBuild();

        var (outcome, _) = await build.RunAsync(["Test", "--skip"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Test"], build.Ran);
        Assert.Equal(4, outcome.Results.Count);
    }

    [Fact]
    public async Task A_false_condition_skips_the_target_and_names_the_condition()
    {
        var build = new TestBuild { PackAllowed = false };

        var (outcome, output) = await build.RunAsync(["Pack"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
        var pack = outcome.Results.Single(r => r.Name == "Pack");
        Assert.Equal(TargetStatus.Skipped, pack.Status);
        Assert.Contains("PackAllowed", pack.Note, StringComparison.Ordinal);
        Assert.Contains("PackAllowed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_target_fails_the_build_and_stops_the_rest()
    {
        var build = new TestBuild();

        var (outcome, output) = await build.RunAsync(["AfterBroken"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
        Assert.Equal(TargetStatus.Failed, outcome.Results.Single(r => r.Name == "Broken").Status);
        Assert.Equal(TargetStatus.NotRun, outcome.Results.Single(r => r.Name == "AfterBroken").Status);
        Assert.Contains("broken on purpose", output, StringComparison.Ordinal);
        Assert.Contains("Build failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_lists_every_planned_target()
    {
        var build = new TestBuild();

        var (_, output) = await build.RunAsync(["Test"]);

        var summary = output[output.LastIndexOf("Target", StringComparison.Ordinal)..];
        foreach (var name in new[] { "Restore", "Compile", "Clean", "Test", "Total" })
        {
            Assert.Contains(name, summary, StringComparison.Ordinal);
        }

        Assert.Contains("Build succeeded", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_target_fails_before_anything_runs_and_lists_the_targets()
    {
        var build = new TestBuild();

        var (outcome, output) = await build.RunAsync(["Tset"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Unknown target 'Tset'", output, StringComparison.Ordinal);
        Assert.Contains("Compile", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_prints_the_order_without_running()
    {
        var build = new TestBuild();

        var (outcome, output) = await build.RunAsync(["Test", "--plan"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Matches(@"1\. Restore\s+2\. Compile\s+3\. Clean\s+4\. Test", output);
    }

    [Fact]
    public async Task Help_lists_targets_with_descriptions_dependencies_and_parameters()
    {
        var build = new TestBuild();

        var (outcome, output) = await build.RunAsync(["--help"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Compile (default)", output, StringComparison.Ordinal);
        Assert.Matches(@"Test\s+Compile, Clean\s+Tests\.", output);
        Assert.Matches(@"--flavor <value>\s+FLAVOR\s+plain\s+A text parameter\.", output);
        Assert.Contains("--mode <Release|Debug>", output, StringComparison.Ordinal);
    }
}
