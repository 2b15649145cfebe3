using Cheeger.Clustering.Backends;

namespace Cheeger.Reports;

/// <summary>
/// The order in which a table lists the values of its compared parameter (backends, algorithms): the reference
/// first, the one every speed-up column is taken over — the managed serial backend where it was measured (every
/// backend is checked against it), else the slowest — then the others slowest to fastest by the geometric mean
/// of their times over the cases.
/// </summary>
public static class BackendOrder
{
    /// <summary>The values of <paramref name="parameter"/>, the reference first.</summary>
    public static IReadOnlyList<string> ReferenceFirst(BenchmarkExport export, string parameter, Func<BenchmarkCase, double?> time)
    {
        var slowestFirst = export.Values(parameter)
            .OrderByDescending(value => GeometricMean(export.Cases.Where(c => c.Parameter(parameter) == value).Select(time)))
            .ThenBy(value => value, StringComparer.Ordinal)
            .ToList();
        return [.. slowestFirst.Where(v => v == BackendNames.Serial), .. slowestFirst.Where(v => v != BackendNames.Serial)];
    }

    private static double GeometricMean(IEnumerable<double?> times)
    {
        var measured = times.OfType<double>().Where(t => t > 0).ToList();
        return measured.Count == 0 ? 0 : Math.Exp(measured.Average(Math.Log));
    }
}
