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
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "cheeger-bench-dry"));

        var suites = typeof(BenchmarkConfig).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)))
            .ToArray();
        Assert.NotEmpty(suites);

        foreach (var suite in suites)
        {
            var summary = BenchmarkRunner.Run(suite, config);
            Assert.False(summary.HasCriticalValidationErrors, $"{suite.Name}: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
            Assert.NotEmpty(summary.Reports);
            Assert.All(summary.Reports, report => Assert.True(report.Success, $"{report.BenchmarkCase.DisplayInfo} failed"));
        }
    }
}
