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
/// The "tree ms (in run)" metric: the median of the spanning-tree phase times that a case's measured iterations
/// <see cref="Record"/> (an end-to-end run's own <c>mst</c> timing, which the backend takes around its tree stage),
/// between BenchmarkDotNet's BeforeActualRun and AfterActualRun signals, so the unmeasured runs before them do not
/// count. A metric, like <see cref="PassTimeDiagnoser"/>'s, so that it reaches the JSON export; only for cases run
/// in this process (<c>--inProcess</c>).
/// </summary>
public sealed class TreePhaseDiagnoser : IDiagnoser
{
    /// <summary>The metric's id in the exports.</summary>
    public const string MetricId = "TreePhase";

    private static readonly Lock Gate = new();
    private static List<double>? s_recording;
    private readonly Dictionary<BenchmarkCase, List<double>> _recorded = [];

    /// <summary>Records one run's spanning-tree phase, in milliseconds, for the case being measured (ignored outside its measured iterations).</summary>
    public static void Record(double milliseconds)
    {
        lock (Gate) s_recording?.Add(milliseconds);
    }

    /// <inheritdoc />
    public IEnumerable<string> Ids => [nameof(TreePhaseDiagnoser)];

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
        if (parameters.Process?.Id != Environment.ProcessId) return;
        lock (Gate)
        {
            if (signal == HostSignal.BeforeActualRun) s_recording = _recorded[parameters.BenchmarkCase] = [];
            else if (signal == HostSignal.AfterActualRun) s_recording = null;
        }
    }

    /// <inheritdoc />
    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        lock (Gate)
        {
            return _recorded.Remove(results.BenchmarkCase, out var values) && Median.Of(values) is { } median
                ? [new Metric(Descriptor, median)]
                : [];
        }
    }

    /// <inheritdoc />
    public void DisplayResults(ILogger logger)
    {
    }

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private static readonly LowerIsBetterMetric Descriptor = new(MetricId, "tree ms (in run)",
        "Median milliseconds of the spanning-tree phase inside the measured runs, as the backend times it",
        "0.00", "ms");
}
