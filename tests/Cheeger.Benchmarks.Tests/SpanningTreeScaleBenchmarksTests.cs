using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using Cheeger.Benchmarks;
using Cheeger.Clustering.Backends;

namespace Cheeger.Benchmarks.Tests;

/// <summary>
/// The scale suite: which cases its filter keeps (without running them), and its smallest cases run once, whose
/// reports carry the peak-memory and in-run tree metrics.
/// </summary>
public sealed class SpanningTreeScaleBenchmarksTests
{
    private static readonly string[] BothBackends = [BackendNames.NativeCpu, BackendNames.Parallel];

    [Fact]
    public void TheFilterKeepsTheAffordableCasesOnly()
    {
        if (!BothBackends.All(SpanningTreeScaleBenchmarks.Backends.Contains))
            Assert.Skip("native-cpu is not available here: " + string.Join(", ", SpanningTreeScaleBenchmarks.Backends));
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(SpanningTreeScaleBenchmarks), Config()).BenchmarksCases
            .Select(c => new Case(c.Descriptor.WorkloadMethod.Name, Parameter<string>(c, "Data"), Parameter<int>(c, "N"), Parameter<int>(c, "D"),
                Parameter<string>(c, "Tree"), Parameter<string>(c, "Backend")))
            .ToList();

        // Per data set and benchmark (end to end, the tree alone): 8 cases per backend at 1e5 (the kd-tree and Prim at
        // D = 2, 3, 5, 10), 3 per backend at 1e6 (the kd-tree at D = 2, 3, 5), 1 at 1e7 (native-cpu).
        Assert.Equal(2 * (2 * 8 + 2 * 3 + 1), cases.Count(c => c.Method == "EndToEnd"));
        Assert.Equal(2 * (2 * 8 + 2 * 3 + 1), cases.Count(c => c.Method == "SpanningTree"));
        Assert.All(cases.Where(c => c.Tree == "prim"), c => Assert.Equal(100_000, c.N));
        Assert.DoesNotContain(cases, c => c.Tree == "boruvka");
        Assert.All(cases.Where(c => c.N == 10_000_000), c => Assert.Equal((2, BackendNames.NativeCpu, "kdtree"), (c.D, c.Backend, c.Tree)));
        Assert.DoesNotContain(cases, c => c.N == 1_000_000 && c.D == 10);
        Assert.Equal(cases.Count, cases.Distinct().Count());
    }

    [Fact]
    public void TheSmallestCasesRunOnceAndReportPeakMemoryPerPointAndTheirTreePhase()
    {
        // n = 1e5, D = 2, the kd-tree, uniform: both benchmarks on every backend of the suite, a few seconds each;
        // under the short job (3 warm-ups, 3 iterations), which the suite's own job overrides.
        var config = Config().AddJob(Job.ShortRun).AddFilter(new SimpleFilter(c =>
            Parameter<int>(c, "N") == 100_000 && Parameter<int>(c, "D") == 2 && Parameter<string>(c, "Tree") == "kdtree" && Parameter<string>(c, "Data") == "uniform"));

        var summary = BenchmarkRunner.Run(typeof(SpanningTreeScaleBenchmarks), config);

        Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        Assert.Equal(2 * SpanningTreeScaleBenchmarks.Backends.Count(), summary.Reports.Length);
        foreach (var report in summary.Reports)
        {
            string name = report.BenchmarkCase.DisplayInfo;
            Assert.True(report.Success, $"{name} failed");
            // One measured call per case, whatever the job.
            Assert.Equal(1, report.ResultStatistics!.N);
            Assert.Equal(1, report.AllMeasurements.Count(m => m.IterationStage == IterationStage.Actual));
            Assert.DoesNotContain(report.AllMeasurements, m => m.IterationStage == IterationStage.Warmup);
            if (PeakResidentMemory.IsSupported)
            {
                double perPoint = Assert.Single(report.Metrics.Values, m => m.Descriptor.Id == PeakMemoryDiagnoser.MetricId).Value;
                // A tree alone holds at least its parent, order and two edge-length arrays (24 bytes per point); far
                // less than a kilobyte per point in any case.
                Assert.InRange(perPoint, 24, 1000);
            }
            var treePhase = report.Metrics.Values.Where(m => m.Descriptor.Id == TreePhaseDiagnoser.MetricId).ToList();
            if (report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(SpanningTreeScaleBenchmarks.EndToEnd))
                Assert.InRange(Assert.Single(treePhase).Value, 1e-3, report.ResultStatistics.Mean / 1e6);
            else
                Assert.Empty(treePhase);
        }
    }

    private static ManualConfig Config() => ManualConfig.CreateEmpty()
        .AddLogger(NullLogger.Instance)
        .AddExporter(JsonExporter.FullCompressed)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "cheeger-bench-scale"));

    private static T Parameter<T>(BenchmarkCase benchmarkCase, string name) =>
        (T)benchmarkCase.Parameters.Items.Single(p => p.Name == name).Value;

    private sealed record Case(string Method, string Data, int N, int D, string Tree, string Backend);
}
