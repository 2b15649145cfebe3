using System.Globalization;

namespace Cheeger.Reports;

/// <summary>
/// One backend's speed-up over worker counts at one N and k (KMeansWorkersBenchmarks): the loop time per pass
/// (ms/pass, else the mean call) for each measured W, over the 1-worker time. Only what was measured: a W that did
/// not run has no point, and without a 1-worker time there is no curve.
/// </summary>
public sealed record SpeedupCurve(string Backend, string N, string K, IReadOnlyList<SpeedupPoint> Points)
{
    /// <summary>The curve of <paramref name="backend"/> at <paramref name="n"/>, <paramref name="k"/>.</summary>
    public static SpeedupCurve Of(BenchmarkExport export, string backend, string n, string k)
    {
        var times = export.Cases
            .Where(c => c.Parameter("Backend") == backend && c.Parameter("N") == n && c.Parameter("K") == k)
            .Select(c => (Workers: int.Parse(c.Parameter("Workers"), CultureInfo.InvariantCulture), Time: c.PassMilliseconds ?? c.MeanMilliseconds))
            .Where(t => t.Time is > 0)
            .OrderBy(t => t.Workers)
            .ToList();
        double? single = times.FirstOrDefault(t => t.Workers == 1).Time;
        return new SpeedupCurve(backend, n, k, single is { } one
            ? [.. times.Select(t => new SpeedupPoint(t.Workers, t.Time!.Value, one / t.Time!.Value))]
            : []);
    }
}

/// <summary>A measured point of a <see cref="SpeedupCurve"/>.</summary>
public sealed record SpeedupPoint(int Workers, double Milliseconds, double Speedup);
