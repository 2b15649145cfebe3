using Cheeger.Build.Engine;

namespace Cheeger.Build.Tests;

public sealed class GraphTests
{
    [Fact]
    public async Task A_dependency_cycle_fails_naming_the_cycle()
    {
        var (outcome, output) = await new CyclicBuild().RunAsync(["A"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("cycle", output, StringComparison.Ordinal);
        Assert.Contains("A -> B -> A", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_order_puts_dependencies_before_dependents()
    {
        var graph = TargetGraph.Discover(new TestBuild());

        var names = graph.Targets.Select(t => t.Name).ToList();

        Assert.True(names.IndexOf("Restore") < names.IndexOf("Compile"));
        Assert.True(names.IndexOf("Compile") < names.IndexOf("Test"));
        Assert.True(names.IndexOf("Clean") < names.IndexOf("Test"));
        Assert.Equal(7, names.Count);
    }

    [Fact]
    public void The_real_build_declares_the_documented_targets_and_dependencies()
    {
        var graph = TargetGraph.Discover(new Build());

        string[] Dependencies(string target) => graph.Find(target).Dependencies.Select(d => d.Name).ToArray();

        Assert.Equal(["Restore", "Native"], Dependencies("Compile"));
        Assert.Equal(["Prerequisites"], Dependencies("Native"));
        Assert.Equal(["Compile", "CudaCheck", "Pack"], Dependencies("Test"));
        Assert.Equal(["Compile"], Dependencies("Pack"));
        Assert.Equal(["Pack"], Dependencies("PackageCheck"));
        Assert.Equal(["Compile"], Dependencies("Demo"));
        Assert.Equal(["GpuBundle"], Dependencies("GpuBundleCheck"));
        Assert.All(graph.Targets, t => Assert.NotEmpty(t.DescriptionText));
    }

    private sealed class CyclicBuild
    {
        public Target A => _ => _.DependsOn(B);

        public Target B => _ => _.DependsOn(A);

        public Task<(BuildOutcome Outcome, string Output)> RunAsync(string[] args)
        {
            var writer = new StringWriter();
            var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(writer) });
            return BuildRunner.RunAsync(this, args, build => ((CyclicBuild)build).A, console, _ => null, TestContext.Current.CancellationToken)
                .ContinueWith(t => (t.Result, writer.ToString()), TaskScheduler.Default);
        }
    }
}
