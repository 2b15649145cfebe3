using System.Text;

namespace Cheeger.Reports;

/// <summary>
/// The study's speed-up table for our backends (KMeansWorkersBenchmarks): per backend, per N and k, the loop time
/// per pass with W workers and the speed-up over the same backend's 1-worker time.
/// </summary>
public static class KMeansWorkersTable
{
    /// <summary>One table per backend, each under a bold line naming it.</summary>
    public static string Render(BenchmarkExport export)
    {
        var text = new StringBuilder();
        var workers = export.Values("Workers");
        foreach (string backend in export.Values("Backend"))
        {
            var table = new MarkdownTable(["N", "k", .. workers.Select(w => $"W = {w}")]);
            foreach (string n in export.Values("N"))
            {
                foreach (string k in export.Values("K"))
                {
                    var curve = SpeedupCurve.Of(export, backend, n, k);
                    if (curve.Points.Count == 0) continue;
                    table.Add(
                    [
                        Figures.Size(n), k,
                        .. workers.Select(w => curve.Points.FirstOrDefault(p => p.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture) == w) is { } point
                            ? $"{Figures.Milliseconds(point.Milliseconds)} ({point.Speedup:0.00}×)"
                            : Figures.Missing),
                    ]);
                }
            }
            if (text.Length > 0) text.AppendLine();
            text.AppendLine($"**{backend}**: loop ms per pass (speed-up over 1 worker)").AppendLine().Append(table);
        }
        return text.ToString();
    }
}
