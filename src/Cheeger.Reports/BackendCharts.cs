using ScottPlot;

namespace Cheeger.Reports;

/// <summary>
/// The backends side by side per data set: one bar chart per value of the row parameter (a data set) of an
/// end-to-end suite, a bar of mean milliseconds per backend (the reference first, <see cref="BackendOrder"/>), its time written above it.
/// </summary>
public static class BackendCharts
{
    private const int Width = 640, Height = 400;

    /// <summary>Writes {prefix}-{data set}.png per data set into <paramref name="folder"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(BenchmarkExport export, string rowParameter, string prefix, string folder)
    {
        Directory.CreateDirectory(folder);
        var backends = BackendOrder.ReferenceFirst(export, "Backend", c => c.MeanMilliseconds);
        var palette = new ScottPlot.Palettes.Category10();
        var paths = new List<string>();
        foreach (string row in export.Values(rowParameter))
        {
            var plot = new Plot();
            plot.Title($"{row}: end to end per backend\n{ExportCaption.Short(export)}");
            plot.YLabel("mean time (ms)");
            var bars = new List<Bar>();
            foreach (var (backend, i) in backends.Select((name, i) => (name, i)))
            {
                if (export.Find((rowParameter, row), ("Backend", backend))?.MeanMilliseconds is not { } ms) continue;
                bars.Add(new Bar { Position = i, Value = ms, FillColor = palette.GetColor(i), Label = Figures.Milliseconds(ms) });
            }
            var series = plot.Add.Bars(bars);
            series.ValueLabelStyle.FontSize = 14;
            plot.Axes.Bottom.SetTicks([.. backends.Select((_, i) => (double)i)], [.. backends]);
            plot.Axes.Margins(bottom: 0, top: 0.15);
            string path = Path.Combine(folder, FileName(prefix, row));
            plot.SavePng(path, Width, Height);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The chart files <see cref="Write"/> writes for <paramref name="export"/>, in order.</summary>
    public static IEnumerable<string> FileNames(BenchmarkExport export, string rowParameter, string prefix) =>
        export.Values(rowParameter).Select(row => FileName(prefix, row));

    private static string FileName(string prefix, string row) =>
        $"{prefix}-{new string([.. Path.GetFileNameWithoutExtension(row).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')])}.png";
}
