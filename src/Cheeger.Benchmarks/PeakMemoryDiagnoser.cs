using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace Cheeger.Benchmarks;

/// <summary>
/// The "peak B/point" metric: how far the process's peak resident set rose above what was resident when the case's
/// measured iterations began (<see cref="PeakResidentMemory"/>: reset on BenchmarkDotNet's BeforeActualRun signal,
/// after a full compacting collection that returns the collector's free memory; read on AfterActualRun), divided
/// by the case's <c>N</c> parameter. It counts native allocations, which <c>MemoryDiagnoser</c> cannot see; it
/// leaves out what was resident before (the runtime, the input points, anything loaded in the global setup).
/// Measured only when the case runs in this process (<c>--inProcess</c>, as <c>./build.sh Benchmark</c> does) on
/// Linux; elsewhere the case has no such metric.
/// </summary>
public sealed class PeakMemoryDiagnoser : IDiagnoser
{
    /// <summary>The metric's id in the exports.</summary>
    public const string MetricId = "PeakBytesPerPoint";

    private readonly Dictionary<BenchmarkCase, (long Start, long? Peak)> _measured = [];

    /// <inheritdoc />
    public IEnumerable<string> Ids => [nameof(PeakMemoryDiagnoser)];

    /// <inheritdoc />
    public IEnumerable<IExporter> Exporters => [];

    /// <inheritdoc />
    public IEnumerable<IAnalyser> Analysers => [];

    /// <inheritdoc />
    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    /// <inheritdoc />
    public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        // Another process's resident set is not this one's: a case run in a child process gets no metric.
        if (parameters.Process?.Id != Environment.ProcessId) return;
        var benchmarkCase = parameters.BenchmarkCase;
        if (signal == HostSignal.BeforeActualRun && PeakResidentMemory.Reset() is { } start)
            _measured[benchmarkCase] = (start, null);
        else if (signal == HostSignal.AfterActualRun && _measured.TryGetValue(benchmarkCase, out var run))
            _measured[benchmarkCase] = run with { Peak = PeakResidentMemory.Peak() };
    }

    /// <inheritdoc />
    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        object? n = results.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value;
        if (!_measured.Remove(results.BenchmarkCase, out var run) || run.Peak is not { } peak || n is not int points || points <= 0) return [];
        return [new Metric(Descriptor, Math.Max(0, peak - run.Start) / (double)points)];
    }

    /// <inheritdoc />
    public void DisplayResults(ILogger logger)
    {
    }

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private static readonly LowerIsBetterMetric Descriptor = new(MetricId, "peak B/point",
        "Rise of the process's peak resident set (VmHWM) over the measured iterations above what was resident before them, per point (native allocations included)",
        "0.0", "B");
}
