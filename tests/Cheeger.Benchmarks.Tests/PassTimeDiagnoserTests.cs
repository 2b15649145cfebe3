using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cheeger.Benchmarks;

namespace Cheeger.Benchmarks.Tests;

/// <summary>The ms/pass metric: what a case records reaches its report (and so the JSON export docs/benchmarks.md is rendered from).</summary>
public sealed class PassTimeDiagnoserTests
{
    [Fact]
    public void TheMedianOfTheRecordedPassTimesIsTheCasesMetric()
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "cheeger-bench-pass-time"));

        var summary = BenchmarkRunner.Run<PassTimeProbe>(config);

        var report = Assert.Single(summary.Reports);
        Assert.True(report.Success);
        var metric = Assert.Single(report.Metrics.Values, m => m.Descriptor.Id == PassTimeDiagnoser.MetricId);
        Assert.Equal(PassTimeProbe.MillisecondsPerPass, metric.Value);
        Assert.Equal("ms/pass", metric.Descriptor.DisplayName);
    }

    /// <summary>A case that records a known time per pass under a backend name of its own.</summary>
    [Config(typeof(PassTimeConfig))]
    public class PassTimeProbe
    {
        public const double MillisecondsPerPass = 2.5;

        [Params(7)]
        public int N { get; set; }

        [Params(3)]
        public int K { get; set; }

        [Params("pass-time-probe")]
        public string Backend { get; set; } = "";

        [Benchmark]
        public void Pass() => PassTimes.Record(Backend, N, K, passes: 1, MillisecondsPerPass);
    }
}
