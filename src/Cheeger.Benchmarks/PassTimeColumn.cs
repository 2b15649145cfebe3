using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Cheeger.Benchmarks;

/// <summary>
/// The "ms/pass" column of the GPU suite: the median of <see cref="PassTimes"/> for the case (the loop's wall time
/// per pass as the backend reports it, upload and download excluded). "?" when no value reached this process
/// (a case run out of process without <see cref="PassTimes.CsvVariable"/>; run-gpu.sh runs in process).
/// </summary>
public sealed class PassTimeColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(PassTimeColumn);

    /// <inheritdoc />
    public string ColumnName => "ms/pass";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Median milliseconds per k-means pass (assign + update phases: the Lloyd loop's wall time; upload and download excluded)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        object? Parameter(string name) => benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value;
        object? backend = Parameter("Workers") is { } workers ? PassTimes.WithWorkers(Parameter("Backend"), workers) : Parameter("Backend");
        double? median = PassTimes.Median(PassTimes.Key(backend, Parameter("N"), Parameter("K")));
        return median is { } value ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "?";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
