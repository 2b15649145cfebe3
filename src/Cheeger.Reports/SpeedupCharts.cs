using System.Globalization;
using ScottPlot;

namespace Cheeger.Reports;

/// <summary>
/// The study's speed-up curves beside ours, one chart per k: speed-up over workers 1–16 (log scale), one line per
/// N and backend (ours from KMeansWorkersBenchmarks, a line pattern per backend; the study's processes dotted,
/// with open markers; a colour per N), and a line at the export machine's core count. Ours is what was measured and nothing more: a line ends at its last measured worker count.
/// </summary>
public static class SpeedupCharts
{
    private const int Width = 1200, Height = 600;

    /// <summary>Writes speedup-k{k}.png per k into <paramref name="folder"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(BenchmarkExport workers, StudyFigures study, string folder)
    {
        Directory.CreateDirectory(folder);
        var sizes = workers.Values("N").Select(Figures.Size).Union(study.Figures.Select(f => f.N)).ToList();
        var paths = new List<string>();
        foreach (string k in workers.Values("K"))
        {
            var plot = new Plot();
            plot.Title($"k-means speed-up over workers, k = {k}\nours: {ExportCaption.Short(workers)}");
            plot.XLabel("workers (threads; the study: processes)");
            plot.YLabel("speed-up (ours: own 1 worker ÷ W; study: serial ÷ W)");
            var palette = new ScottPlot.Palettes.Category10();
            // A backend is told by its line and marker together: a legend's short sample hides a dash.
            LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.DenselyDashed];
            MarkerShape[] markers = [MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
            var backends = workers.Values("Backend");
            foreach (string n in workers.Values("N"))
            {
                var colour = palette.GetColor(sizes.IndexOf(Figures.Size(n)));
                foreach (var (backend, b) in backends.Select((name, i) => (name, i)))
                {
                    var curve = SpeedupCurve.Of(workers, backend, n, k);
                    if (curve.Points.Count == 0) continue;
                    var line = plot.Add.Scatter(curve.Points.Select(p => Math.Log2(p.Workers)).ToArray(), curve.Points.Select(p => p.Speedup).ToArray(), colour);
                    line.LinePattern = patterns[b % patterns.Length];
                    line.MarkerShape = markers[b % markers.Length];
                    line.MarkerSize = 8;
                    line.LineWidth = 2;
                    line.LegendText = $"{backend}, N = {Figures.Size(n)}";
                }
            }
            foreach (var group in study.Figures.Where(f => f.K.ToString(CultureInfo.InvariantCulture) == k).GroupBy(f => f.N))
            {
                var points = group.OrderBy(f => f.Processes).ToList();
                var line = plot.Add.Scatter(points.Select(f => Math.Log2(f.Processes)).ToArray(), points.Select(f => f.Speedup).ToArray(), palette.GetColor(sizes.IndexOf(group.Key)));
                line.LinePattern = LinePattern.Dotted;
                line.MarkerShape = MarkerShape.OpenCircle;
                line.LegendText = $"study, N = {group.Key}";
            }
            int cores = workers.Machine.LogicalCores;
            if (cores > 0)
            {
                var limit = plot.Add.VerticalLine(Math.Log2(cores), color: Colors.Gray);
                limit.LinePattern = LinePattern.Dashed;
                limit.LegendText = $"{cores} cores here: more is oversubscribed";
            }
            int[] ticks = [1, 2, 4, 8, 16];
            plot.Axes.Bottom.SetTicks([.. ticks.Select(t => Math.Log2(t))], [.. ticks.Select(t => t.ToString(CultureInfo.InvariantCulture))]);
            plot.Axes.SetLimitsY(0, double.NaN);
            plot.ShowLegend(Edge.Right);
            string path = Path.Combine(folder, $"speedup-k{k}.png");
            plot.SavePng(path, Width, Height);
            paths.Add(path);
        }
        return paths;
    }
}
