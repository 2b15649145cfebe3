using System.Globalization;
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
/// The "ms/pass" metric of the k-means suites: the median of <see cref="PassTimes"/> for the case (the loop's wall
/// time per pass as the backend reports it, upload and download excluded). A metric rather than a column so that
/// it reaches the JSON export, which docs/benchmarks.md is rendered from (src/Cheeger.Reports). Values reach it
/// only when the case runs in this process (<c>--inProcess</c>, as run-gpu.sh and the documented commands do);
/// a case run in a child process has no such metric.
/// </summary>
public sealed class PassTimeDiagnoser : IDiagnoser
{
    /// <summary>The metric's id in the exports.</summary>
    public const string MetricId = "PassTime";

    /// <inheritdoc />
    public IEnumerable<string> Ids => [nameof(PassTimeDiagnoser)];

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
    }

    /// <inheritdoc />
    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        object? Parameter(string name) => results.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value;
        object? backend = Parameter("Workers") is { } workers ? PassTimes.WithWorkers(Parameter("Backend"), workers) : Parameter("Backend");
        double? median = PassTimes.Median(PassTimes.Key(backend, Parameter("N"), Parameter("K")));
        return median is { } value ? [new Metric(Descriptor, value)] : [];
    }

    /// <inheritdoc />
    public void DisplayResults(ILogger logger)
    {
    }

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private static readonly LowerIsBetterMetric Descriptor = new(MetricId, "ms/pass",
        "Median milliseconds per k-means pass (assign + update phases: the Lloyd loop's wall time; upload and download excluded)",
        "0.0000", "ms");
}
