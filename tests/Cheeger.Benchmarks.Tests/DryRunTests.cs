using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cheeger.Benchmarks;

namespace Cheeger.Benchmarks.Tests;

/// <summary>Runs every benchmark of the suite once, in process, with a dry job, so the suite never rots.</summary>
public sealed class DryRunTests
{
    [Fact]
    public void EveryBenchmarkRunsOnceWithoutError()
    {
        // The scale suite runs for 15-30 minutes; SpanningTreeScaleBenchmarksTests runs its smallest cases.
        var suites = Suites().Where(suite => !IsGpuSuite(suite) && !HasCategory(suite, BenchmarkConfig.Categories.Scale)).ToArray();
        Assert.NotEmpty(suites);
        RunOnce(suites);
    }

    [Fact]
    public void EveryGpuBenchmarkRunsOnceWithoutErrorWhereAGpuIsPresent()
    {
        var suites = Suites().Where(IsGpuSuite).ToArray();
        Assert.NotEmpty(suites);
        // Without a GPU backend the GPU suites have no cases at all; say so rather than pass.
        if (!BenchmarkBackends.AvailableGpu.Any())
            Assert.Skip("No GPU backend here: " + string.Join("; ", BenchmarkBackends.Gpu.Select(g => $"{g.Name}: {g.Availability.Reason}")));
        RunOnce(suites);
    }

    private static IEnumerable<Type> Suites() => typeof(BenchmarkConfig).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)));

    private static bool IsGpuSuite(Type suite) => HasCategory(suite, BenchmarkConfig.Categories.Gpu);

    private static bool HasCategory(Type suite, string name) =>
        suite.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkCategoryAttribute), inherit: true)
            .Cast<BenchmarkDotNet.Attributes.BenchmarkCategoryAttribute>()
            .Any(category => category.Categories.Contains(name));

    private static void RunOnce(IEnumerable<Type> suites)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "cheeger-bench-dry"));

        foreach (var suite in suites)
        {
            var summary = BenchmarkRunner.Run(suite, config);
            Assert.False(summary.HasCriticalValidationErrors, $"{suite.Name}: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
            Assert.NotEmpty(summary.Reports);
            Assert.All(summary.Reports, report => Assert.True(report.Success, $"{report.BenchmarkCase.DisplayInfo} failed"));
        }
    }
}
