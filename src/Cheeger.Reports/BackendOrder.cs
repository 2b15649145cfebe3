namespace Cheeger.Reports;

/// <summary>
/// The order in which a table lists the values of its compared parameter (backends, algorithms): slowest first
/// (the reference backend) to fastest, by the geometric mean of their times over the cases, so that each ratio
/// column reads as the speed-up of the next one.
/// </summary>
public static class BackendOrder
{
    /// <summary>The values of <paramref name="parameter"/>, slowest first.</summary>
    public static IReadOnlyList<string> SlowestFirst(BenchmarkExport export, string parameter, Func<BenchmarkCase, double?> time) =>
        [.. export.Values(parameter)
            .OrderByDescending(value => GeometricMean(export.Cases.Where(c => c.Parameter(parameter) == value).Select(time)))
            .ThenBy(value => value, StringComparer.Ordinal)];

    private static double GeometricMean(IEnumerable<double?> times)
    {
        var measured = times.OfType<double>().Where(t => t > 0).ToList();
        return measured.Count == 0 ? 0 : Math.Exp(measured.Average(Math.Log));
    }
}
