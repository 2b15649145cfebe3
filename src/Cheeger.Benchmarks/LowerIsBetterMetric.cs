using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;

namespace Cheeger.Benchmarks;

/// <summary>
/// The descriptor of a custom metric where less is better (a time, a size), shown as its own column and written to
/// the exports under <paramref name="id"/>.
/// </summary>
internal sealed class LowerIsBetterMetric(string id, string displayName, string legend, string numberFormat, string unit) : IMetricDescriptor
{
    public string Id => id;

    public string DisplayName => displayName;

    public string Legend => legend;

    public string NumberFormat => numberFormat;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Unit => unit;

    public bool TheGreaterTheBetter => false;

    public int PriorityInCategory => 0;

    public bool GetIsAvailable(Metric metric) => true;
}
