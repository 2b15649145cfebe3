using Cheeger.Build.Engine;

namespace Cheeger.Build.Tests;

/// <summary>The long-running memory-safety targets exist with their documented dependencies and stay out of Test.</summary>
public sealed class ReliabilityTargetTests
{
    private readonly TargetGraph _graph = TargetGraph.Discover(new Build());

    private string[] Dependencies(string target) => _graph.Find(target).Dependencies.Select(d => d.Name).ToArray();

    private string[] Plan(string target) =>
        ExecutionPlan.Create([_graph.Find(target)], null).Steps.Select(s => s.Target.Name).ToArray();

    [Fact]
    public void Valgrind_runs_after_the_native_build() => Assert.Equal(["Native"], Dependencies("Valgrind"));

    [Fact]
    public void Fuzz_needs_only_the_prerequisites() => Assert.Equal(["Prerequisites"], Dependencies("Fuzz"));

    [Fact]
    public void Test_runs_neither_valgrind_nor_the_fuzzer()
    {
        string[] plan = Plan("Test");

        Assert.Contains("Test", plan);
        Assert.DoesNotContain("Valgrind", plan);
        Assert.DoesNotContain("Fuzz", plan);
    }
}
