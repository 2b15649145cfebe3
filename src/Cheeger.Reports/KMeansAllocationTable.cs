namespace Cheeger.Reports;

/// <summary>
/// Allocation per pass (KMeansAllocationBenchmarks): per backend the bytes and time of a call of the fewest and of
/// the most passes measured, and their differences per extra pass.
/// </summary>
public static class KMeansAllocationTable
{
    /// <summary>The table of <paramref name="export"/>.</summary>
    public static string Render(BenchmarkExport export)
    {
        var passes = export.Values("Passes").OrderBy(int.Parse).ToList();
        string fewest = passes[0], most = passes[^1];
        int extra = int.Parse(most) - int.Parse(fewest);
        var table = new MarkdownTable(
            "backend", $"{fewest} pass (bytes)", $"{most} passes (bytes)", "per extra pass (bytes)",
            $"{fewest}-pass call (ms)", $"{most}-pass call (ms)", "marginal ms per pass");
        foreach (string backend in BackendOrder.ReferenceFirst(export, "Backend", c => c.MeanMilliseconds))
        {
            var few = export.Find(("Backend", backend), ("Passes", fewest));
            var many = export.Find(("Backend", backend), ("Passes", most));
            table.Add(
                backend, Figures.Bytes(few?.BytesAllocated), Figures.Bytes(many?.BytesAllocated),
                PerPass(few?.BytesAllocated, many?.BytesAllocated, extra, value => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture)),
                Figures.Milliseconds(few?.MeanMilliseconds), Figures.Milliseconds(many?.MeanMilliseconds),
                PerPass(few?.MeanMilliseconds, many?.MeanMilliseconds, extra, value => Figures.Milliseconds(value)));
        }
        return table.ToString();
    }

    private static string PerPass(double? fewest, double? most, int extra, Func<double, string> format) =>
        fewest is { } a && most is { } b && extra > 0 ? format((b - a) / extra) : Figures.Missing;
}
