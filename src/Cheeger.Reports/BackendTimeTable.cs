namespace Cheeger.Reports;

/// <summary>
/// End-to-end times side by side (IsoperimetricBenchmarks, IsoperimetricTable1Benchmarks, GpuIsoperimetricBenchmarks):
/// a row per value of the row parameter, a column of mean milliseconds per value of the compared parameter (the
/// backend, or the spanning-tree algorithm), then the speed-up of each column over the one before it.
/// </summary>
public static class BackendTimeTable
{
    /// <summary>The table of <paramref name="export"/>.</summary>
    public static string Render(BenchmarkExport export, string rowParameter, string comparedParameter = "Backend")
    {
        var compared = BackendOrder.SlowestFirst(export, comparedParameter, c => c.MeanMilliseconds);
        var pairs = compared.Zip(compared.Skip(1)).ToList();
        var table = new MarkdownTable(
            [rowParameter.ToLowerInvariant(), .. compared.Select(b => $"{b} (ms)"), .. pairs.Select(p => $"{p.First} ÷ {p.Second}")]);
        foreach (string row in export.Values(rowParameter))
        {
            var cases = compared.Select(b => export.Find((rowParameter, row), (comparedParameter, b))).ToList();
            table.Add(
            [
                row,
                .. cases.Select(c => Figures.Milliseconds(c?.MeanMilliseconds)),
                .. cases.Zip(cases.Skip(1)).Select(p => Figures.Ratio(p.First?.MeanMilliseconds, p.Second?.MeanMilliseconds)),
            ]);
        }
        return table.ToString();
    }
}
