using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cheeger.Benchmarks;

/// <summary>
/// The configuration of <see cref="SpanningTreeScaleBenchmarks"/>: only the cases it measures
/// (<see cref="SpanningTreeScaleBenchmarks.Measured"/>), one run per case whatever the command line's job, in this
/// process, and the peak-memory and in-run tree-time metrics.
/// </summary>
public sealed class SpanningTreeScaleConfig : ManualConfig
{
    /// <summary>The longest a case may run in process (global setup, the unmeasured first call, the measured one) before BenchmarkDotNet gives up on it.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromMinutes(60);

    /// <summary>The configuration.</summary>
    public SpanningTreeScaleConfig()
    {
        // A mutator: applied to whichever job runs (the default, or --job short, whose name the summaries keep), so
        // every case is one measured call (Monitoring: no pilot, no overhead runs), in process with room for 1e7 points.
        AddJob(new Job
        {
            Run = { RunStrategy = RunStrategy.Monitoring, LaunchCount = 1, WarmupCount = 0, IterationCount = 1, InvocationCount = 1, UnrollFactor = 1 },
            Infrastructure = { Toolchain = new InProcessEmitToolchain(CaseTimeout, logOutput: true) },
        }.AsMutator());
        AddFilter(new SimpleFilter(IsMeasured));
        AddDiagnoser(new PeakMemoryDiagnoser(), new TreePhaseDiagnoser());
    }

    private static bool IsMeasured(BenchmarkCase benchmarkCase)
    {
        object? Parameter(string name) => benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value;
        return benchmarkCase.Descriptor.Type != typeof(SpanningTreeScaleBenchmarks)
            || SpanningTreeScaleBenchmarks.Measured((int)Parameter("N")!, (int)Parameter("D")!,
                (string)Parameter("Tree")!, (string)Parameter("Backend")!);
    }
}
